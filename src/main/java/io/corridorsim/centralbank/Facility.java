package io.corridorsim.centralbank;

/**
 * The central bank's lending and absorbing instruments with dealers (DOMAIN §3.3), each booked on
 * its own book by maturity and, on the banks' side, on the maturity ladder. The SLF (standing,
 * all banks) is kept apart: banks draw it, the central bank does not offer it.
 */
public enum Facility {
    /** 7-day and 14-day reverse repos (逆回购), fixed rate; negative amounts are repos (正回购). */
    REVERSE_REPO("reverse_repo"),
    /** Outright reverse repos (买断式逆回购), 3 and 6 months, monthly, rate tender, multiple price. */
    OUTRIGHT_REVERSE_REPO("outright_reverse_repo"),
    /** The medium-term lending facility, 1 year, monthly around the 25th. */
    MLF("mlf"),
    /** The afternoon temporary overnight operations (since 2024-07): repos drain at policy − 20bp, reverse repos inject at policy + 50bp. */
    TEMPORARY_OVERNIGHT("temporary_overnight"),
    /** Relending and pledged supplementary lending (PSL): scheduled structural injections at their own rates. */
    STRUCTURAL("structural");

    private final String key;

    Facility(String key) {
        this.key = key;
    }

    /** The name in scenario files and outputs. */
    public String key() {
        return key;
    }

    /** The facility with scenario name {@code key}, or null. */
    public static Facility byKey(String key) {
        for (Facility f : values()) {
            if (f.key.equals(key)) {
                return f;
            }
        }
        return null;
    }
}
