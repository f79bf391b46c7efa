package io.corridorsim.model;

/**
 * The 7-day segment (DOMAIN §5): a 7-day loan is priced off the overnight rates the market
 * expects over its calendar days. Expectations: today's deviation of the overnight market
 * from the central bank's anchor decays by {@code persistence} per business day, and known
 * demand shifts (precautionary demand at month and quarter ends) enter on their dates.
 *
 * @param enabled     whether DR007 is computed
 * @param tenorDays   calendar days of the term loan (7)
 * @param persistence expected day-to-day persistence of today's supply deviation, in [0, 1]
 * @param premiumBp   term premium over the compounded expected overnight rates, basis points
 */
public record TermSpec(boolean enabled, int tenorDays, double persistence, double premiumBp) {
    public TermSpec {
        if (tenorDays < 2 || tenorDays > 31) {
            throw new IllegalArgumentException("term tenor must be 2–31 calendar days, got " + tenorDays);
        }
        if (!(persistence >= 0 && persistence <= 1)) {
            throw new IllegalArgumentException("persistence must be in [0, 1], got " + persistence);
        }
        if (!Double.isFinite(premiumBp)) {
            throw new IllegalArgumentException("term premium must be finite, got " + premiumBp);
        }
    }
}
