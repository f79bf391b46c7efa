package io.corridorsim.bank;

/**
 * Every bank's positions by the business day they settle, one structure of arrays per
 * instrument (DOMAIN §5): principal and interest due, signed (positive: the bank pays; negative:
 * it receives), in a ring of business-day slots long enough for the longest tenor. Settled each
 * morning in one pass over the instruments and banks.
 *
 * <p>Interbank instruments net to zero across banks every day; the central bank's instruments
 * reconcile with its own book. The model checks both.
 */
public final class MaturityLadder {

    /** What a position is: who the counterparty is and how long it runs. */
    public enum Instrument {
        /** Overnight loans between banks (to the next business day). */
        INTERBANK_OVERNIGHT(true),
        /** The standing lending facility, overnight, at the ceiling. */
        SLF_OVERNIGHT(false),
        /** The central bank's reverse repos (negative principal: its repos) with dealers. */
        CENTRAL_BANK_REPO(false),
        /** 7-day loans between banks (repaid on the first business day on or after the seventh calendar day). */
        INTERBANK_TERM(true),
        /** The central bank's outright reverse repos (买断式逆回购, 3 and 6 months) with dealers. */
        OUTRIGHT_REVERSE_REPO(false),
        /** The medium-term lending facility (1 year) with dealers. */
        MLF(false),
        /** The central bank's afternoon temporary overnight operations with dealers (negative: its repos, which drain). */
        TEMPORARY_OVERNIGHT(false),
        /** Relending and pledged supplementary lending (PSL): scheduled structural injections. */
        STRUCTURAL(false);

        private final boolean interbank;

        Instrument(boolean interbank) {
            this.interbank = interbank;
        }

        /** Between banks: the positions of all banks net to zero. */
        public boolean interbank() {
            return interbank;
        }
    }

    private static final Instrument[] INSTRUMENTS = Instrument.values();

    private final int n;
    /** The longest tenor of each instrument this ladder was made for (by ordinal, calendar days). */
    private final int[] tenors;
    /** Per instrument: business-day slots in its ring (its longest tenor in calendar days plus two). */
    private final int[] slots;
    private final double[][] principal;
    private final double[][] interest;
    private final double[] outstanding;
    /** Per instrument, each bank's principal outstanding (kept as positions are booked and settled). */
    private final double[][] bankOutstanding;
    /** Per instrument and slot: something is booked there, so the morning pass must visit it. */
    private final boolean[][] used;

    /**
     * @param banks               number of banks
     * @param longestTenorDays    the longest tenor any instrument will be booked for, calendar days
     *                            (business days never outnumber calendar days, so this many slots plus one suffice)
     */
    public MaturityLadder(int banks, int longestTenorDays) {
        this(banks, uniform(longestTenorDays));
    }

    /**
     * A ladder whose instruments have rings of their own lengths: a year-long MLF needs 368
     * slots, an overnight loan three.
     *
     * @param longestTenorDays by instrument ordinal, the longest tenor it will be booked for, calendar
     *                         days (0 or 1 for instruments that are unused or overnight)
     */
    public MaturityLadder(int banks, int[] longestTenorDays) {
        if (banks < 1 || longestTenorDays.length != INSTRUMENTS.length) {
            throw new IllegalArgumentException("a ladder needs banks and a tenor for each of its " + INSTRUMENTS.length + " instruments");
        }
        this.n = banks;
        this.tenors = longestTenorDays.clone();
        this.slots = new int[INSTRUMENTS.length];
        this.principal = new double[INSTRUMENTS.length][];
        this.interest = new double[INSTRUMENTS.length][];
        this.used = new boolean[INSTRUMENTS.length][];
        for (int k = 0; k < INSTRUMENTS.length; k++) {
            if (longestTenorDays[k] < 0) {
                throw new IllegalArgumentException("a tenor must be ≥ 0 days, got " + longestTenorDays[k]);
            }
            slots[k] = Math.max(1, longestTenorDays[k]) + 2;
            principal[k] = new double[slots[k] * n];
            interest[k] = new double[slots[k] * n];
            used[k] = new boolean[slots[k]];
        }
        this.outstanding = new double[INSTRUMENTS.length];
        this.bankOutstanding = new double[INSTRUMENTS.length][n];
    }

    /** Whether this ladder was made for {@code banks} banks and these tenors (so {@link #clear} makes it as new). */
    boolean fits(int banks, int[] longestTenorDays) {
        return banks == n && java.util.Arrays.equals(tenors, longestTenorDays);
    }

    /**
     * Empties the ladder, as new, for the next path. Only slots marked in use can hold anything
     * (settlement zeroes a slot as it frees it), so only those are cleared: a few, not the
     * year-long rings.
     */
    void clear() {
        for (int k = 0; k < INSTRUMENTS.length; k++) {
            boolean[] u = used[k];
            double[] p = principal[k];
            double[] q = interest[k];
            for (int slot = 0; slot < u.length; slot++) {
                if (u[slot]) {
                    java.util.Arrays.fill(p, slot * n, slot * n + n, 0);
                    java.util.Arrays.fill(q, slot * n, slot * n + n, 0);
                    u[slot] = false;
                }
            }
            java.util.Arrays.fill(bankOutstanding[k], 0);
        }
        java.util.Arrays.fill(outstanding, 0);
    }

    private static int[] uniform(int longestTenorDays) {
        if (longestTenorDays < 1) {
            throw new IllegalArgumentException("a ladder needs a tenor ≥ 1 day");
        }
        int[] t = new int[INSTRUMENTS.length];
        java.util.Arrays.fill(t, longestTenorDays);
        return t;
    }

    /** Books bank i's position: it pays {@code principalBn} plus {@code interestBn} on business day {@code settleDay}. */
    public void book(Instrument k, int bank, int settleDay, double principalBn, double interestBn) {
        int s = slots[k.ordinal()];
        int j = (settleDay % s) * n + bank;
        principal[k.ordinal()][j] += principalBn;
        interest[k.ordinal()][j] += interestBn;
        outstanding[k.ordinal()] += principalBn;
        bankOutstanding[k.ordinal()][bank] += principalBn;
        used[k.ordinal()][settleDay % s] = true;
    }

    /**
     * Books every bank's position on instrument k at once (the market's trades): bank i pays
     * {@code principalBn[i]} plus {@code interestFactor} times it on {@code settleDay}.
     */
    void bookAll(Instrument k, int settleDay, double[] principalBn, double interestFactor) {
        int slot = settleDay % slots[k.ordinal()];
        int base = slot * n;
        double[] p = principal[k.ordinal()];
        double[] q = interest[k.ordinal()];
        double[] b = bankOutstanding[k.ordinal()];
        double net = 0;
        for (int i = 0; i < n; i++) {
            double x = principalBn[i];
            p[base + i] += x;
            q[base + i] += x * interestFactor;
            b[i] += x;
            net += x;
        }
        outstanding[k.ordinal()] += net;
        used[k.ordinal()][slot] = true;
    }


    /** Copies every bank's principal due on instrument k on business day t into {@code out} (0 where none is booked). */
    void principalsDue(Instrument k, int t, double[] out) {
        int slot = t % slots[k.ordinal()];
        if (used[k.ordinal()][slot]) {
            System.arraycopy(principal[k.ordinal()], slot * n, out, 0, n);
        } else {
            java.util.Arrays.fill(out, 0);
        }
    }

    /**
     * Morning of day t: every position due today is paid out of (or into) {@code reserves}, one pass.
     *
     * @param paidBn          filled per instrument (by ordinal) with the total paid, principal plus interest
     * @param paidPrincipalBn filled per instrument with the principal part
     */
    public void settle(int t, double[] reserves, double[] paidBn, double[] paidPrincipalBn) {
        for (int k = 0; k < INSTRUMENTS.length; k++) {
            int slot = t % slots[k];
            int base = slot * n;
            if (!used[k][slot]) {
                paidBn[k] = 0;
                paidPrincipalBn[k] = 0;
                continue;
            }
            used[k][slot] = false;
            double[] p = principal[k];
            double[] q = interest[k];
            double[] b = bankOutstanding[k];
            double total = 0;
            double principalTotal = 0;
            // Every bank's position in the slot, branch-free (a bank with none pays zero; testing
            // for it mispredicts): principal and interest leave reserves, the slot is cleared.
            for (int i = 0; i < n; i++) {
                double principalDue = p[base + i];
                double pay = principalDue + q[base + i];
                reserves[i] -= pay;
                total += pay;
                principalTotal += principalDue;
                b[i] -= principalDue;
                p[base + i] = 0;
                q[base + i] = 0;
            }
            paidBn[k] = total;
            paidPrincipalBn[k] = principalTotal;
            outstanding[k] -= principalTotal;
        }
    }

    // Package-private access for the bank sector's fused booking pass (BankSector.bookTermAndOvernight).

    /** Instrument k's principal by slot and bank ({@link #base} + bank). */
    double[] principal(Instrument k) {
        return principal[k.ordinal()];
    }

    /** Instrument k's interest by slot and bank. */
    double[] interest(Instrument k) {
        return interest[k.ordinal()];
    }

    /** The offset of business day {@code settleDay}'s slot in instrument k's by-slot arrays. */
    int base(Instrument k, int settleDay) {
        return (settleDay % slots[k.ordinal()]) * n;
    }

    /** After a caller has written positions settling on {@code settleDay} directly: the running total and the slot's mark. */
    void addOutstanding(Instrument k, int settleDay, double netBn) {
        outstanding[k.ordinal()] += netBn;
        used[k.ordinal()][settleDay % slots[k.ordinal()]] = true;
    }

    /**
     * The offsets ({@link #base}) of the slots in use on instrument k that settle after the next
     * {@code horizonDays} business days (counted from today, t); returns how many.
     */
    int slotsAfter(Instrument k, int t, int horizonDays, int[] bases) {
        boolean[] u = used[k.ordinal()];
        int s = slots[k.ordinal()];
        int c = 0;
        for (int d = t + horizonDays + 1; d < t + s; d++) {
            int slot = d % s;
            if (u[slot]) {
                bases[c++] = slot * n;
            }
        }
        return c;
    }

    /** Each bank's principal outstanding on instrument k (kept as positions are booked and settled; read-only view). */
    double[] bankOutstanding(Instrument k) {
        return bankOutstanding[k.ordinal()];
    }

    /** Both at once: each bank's principal outstanding and the part of it due within the horizon ({@link #dueWithin}). */
    void outstandingByBank(Instrument k, int t, int horizonDays, double[] now, double[] due) {
        System.arraycopy(bankOutstanding[k.ordinal()], 0, now, 0, n);
        dueWithin(k, t, horizonDays, due);
    }

    /**
     * Each bank's principal on instrument k that settles within the next {@code horizonDays}
     * business days after today (whose slot has settled): its outstanding less what settles
     * later, one pass over the few slots beyond the horizon.
     */
    void dueWithin(Instrument k, int t, int horizonDays, double[] out) {
        double[] b = bankOutstanding[k.ordinal()];
        System.arraycopy(b, 0, out, 0, n);
        double[] p = principal[k.ordinal()];
        boolean[] u = used[k.ordinal()];
        int s = slots[k.ordinal()];
        for (int d = t + horizonDays + 1; d < t + s; d++) {
            int slot = d % s;
            if (!u[slot]) {
                continue;
            }
            int base = slot * n;
            for (int i = 0; i < n; i++) {
                out[i] -= p[base + i];
            }
        }
    }

    /** Principal outstanding on instrument k over all banks, bn (interbank: ≈ 0). */
    public double outstandingBn(Instrument k) {
        return outstanding[k.ordinal()];
    }

    /** Principal outstanding on instrument k summed over the ladder itself (for reconciliation with the running total). */
    public double ladderSumBn(Instrument k) {
        double s = 0;
        for (double v : principal[k.ordinal()]) {
            s += v;
        }
        return s;
    }

    /** Bank i's principal outstanding on instrument k, bn, summed over the ladder's slots. */
    public double bankOutstandingBn(Instrument k, int bank) {
        double s = 0;
        double[] p = principal[k.ordinal()];
        for (int slot = 0; slot < slots[k.ordinal()]; slot++) {
            s += p[slot * n + bank];
        }
        return s;
    }

    /** Bank i's principal outstanding on instrument k as kept while booking and settling (equals {@link #bankOutstandingBn}). */
    public double runningOutstandingBn(Instrument k, int bank) {
        return bankOutstanding[k.ordinal()][bank];
    }

    public static int instrumentCount() {
        return INSTRUMENTS.length;
    }
}
