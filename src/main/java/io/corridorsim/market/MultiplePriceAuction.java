package io.corridorsim.market;

/**
 * The central bank's rate tender (利率招标): it offers a quantity of reserves and dealers bid the
 * rate they are willing to pay for an amount. Bids at or above the central bank's minimum rate are
 * filled from the highest rate down until the quantity is gone; the bids at the lowest accepted
 * (marginal) rate share what is left pro rata to their amounts. Under multiple-price
 * (discriminatory) pricing each winner pays its own bid rate, as in the PBoC's outright reverse
 * repos (买断式逆回购) and the MLF since March 2025; under uniform pricing every winner pays the
 * marginal rate, as in the MLF before. Rates in percent per annum, amounts in bn CNY.
 *
 * <p>Pure and allocation-free apart from the returned {@link Outcome}: the fills go into the
 * caller's array. The outcome does not depend on the order of the bids, up to the rounding of the
 * sums behind the pro-rata share. The marginal rate is found by stepping down the distinct bid
 * rates, one pass over the bids per rate, with no sorting and no scratch array; that costs
 * (distinct rates) × (bids) comparisons, about 10⁴ for a tender of a hundred dealers.
 */
public final class MultiplePriceAuction {

    private MultiplePriceAuction() {
    }

    /** What a winner pays. */
    public enum Pricing {
        /** Each winner pays its own bid rate (discriminatory). */
        MULTIPLE,
        /** Every winner pays the marginal rate (single rate). */
        UNIFORM;

        /** The rate a winner that bid {@code bidRatePct} pays when the tender cleared at {@code marginalRatePct}. */
        public double ratePaidPct(double bidRatePct, double marginalRatePct) {
            return this == MULTIPLE ? bidRatePct : marginalRatePct;
        }
    }

    /**
     * The first {@code count} entries of two parallel arrays: bid i asks for {@code amountBn[i]}
     * at {@code ratePct[i]}. The arrays are the caller's and are read, not copied, so one
     * {@code Bids} can be refilled and reused every tender. A bid with a non-positive amount is
     * no bid; a bid with a positive amount must have a finite rate.
     */
    public record Bids(double[] ratePct, double[] amountBn, int count) {

        public Bids {
            if (ratePct == null || amountBn == null) {
                throw new IllegalArgumentException("bid rates and amounts must not be null");
            }
            if (count < 0 || count > ratePct.length || count > amountBn.length) {
                throw new IllegalArgumentException("bid count must be in [0, " + Math.min(ratePct.length, amountBn.length)
                        + "] (the shorter array), got " + count);
            }
        }
    }

    /**
     * The tender's result.
     *
     * @param offeredBn              the quantity the central bank offered
     * @param allottedBn             the total filled; below {@code offeredBn} when the valid bids fall short
     * @param bidBn                  the total of valid bids (positive amount, rate at or above the minimum)
     * @param marginalRatePct        the lowest accepted rate; NaN if nothing was allotted
     * @param weightedAverageRatePct the allotment-weighted average of the rates paid; NaN if nothing was allotted
     * @param winners                the number of bids that received a positive fill
     */
    public record Outcome(double offeredBn, double allottedBn, double bidBn, double marginalRatePct,
                          double weightedAverageRatePct, int winners) {

        /** Valid bids over the quantity offered (认购倍数): above 1 the tender was oversubscribed. */
        public double coverRatio() {
            return bidBn / offeredBn;
        }
    }

    /**
     * Runs the tender and writes each bid's fill into {@code filledBn[0..count)} (0 for a losing
     * or invalid bid; entries from {@code count} on are left alone).
     *
     * @param quantityBn     the quantity offered, finite and positive
     * @param reserveRatePct the minimum rate the central bank accepts; NaN or −infinity for none
     * @param pricing        what the winners pay, which sets the weighted average rate
     * @param filledBn       output, at least {@code bids.count()} long
     */
    public static Outcome allot(Bids bids, double quantityBn, double reserveRatePct, Pricing pricing, double[] filledBn) {
        if (!(quantityBn > 0 && Double.isFinite(quantityBn))) {
            throw new IllegalArgumentException("quantity offered must be finite and > 0 bn, got " + quantityBn);
        }
        if (pricing == null) {
            throw new IllegalArgumentException("pricing must not be null");
        }
        int n = bids.count();
        if (filledBn.length < n) {
            throw new IllegalArgumentException("fills array holds " + filledBn.length + " entries, bids " + n);
        }
        double[] rate = bids.ratePct();
        double[] amount = bids.amountBn();
        double minRate = Double.isNaN(reserveRatePct) ? Double.NEGATIVE_INFINITY : reserveRatePct;

        double bidBn = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(amount[i]) || (amount[i] > 0 && !Double.isFinite(rate[i]))) {
                throw new IllegalArgumentException("bid " + i + " has amount " + amount[i] + " bn at rate " + rate[i]
                        + "%: an amount must be a number and a positive amount needs a finite rate");
            }
            if (amount[i] > 0 && rate[i] >= minRate) {
                bidBn += amount[i];
            }
        }

        // Step down the distinct valid rates. Before each step, aboveBn is what the rates above
        // `level` ask for, which is below the quantity; the first rate whose bids reach the
        // quantity is the margin and shares the rest. If none reaches it, all valid bids win.
        double aboveBn = 0;
        double level = Double.POSITIVE_INFINITY;
        double marginal = Double.NaN;
        double share = 1;
        while (true) {
            double next = Double.NEGATIVE_INFINITY;
            double atNextBn = 0;
            for (int i = 0; i < n; i++) {
                double r = rate[i];
                if (amount[i] > 0 && r >= minRate && r < level) {
                    if (r > next) {
                        next = r;
                        atNextBn = amount[i];
                    } else if (r == next) {
                        atNextBn += amount[i];
                    }
                }
            }
            if (atNextBn == 0) {
                break;
            }
            marginal = next;
            if (aboveBn + atNextBn >= quantityBn) {
                // At most 1 in exact arithmetic; the cap keeps a rounded difference from filling a
                // bid at the margin beyond its amount.
                share = Math.min(1, (quantityBn - aboveBn) / atNextBn);
                break;
            }
            aboveBn += atNextBn;
            level = next;
        }

        // A NaN margin (no valid bid) fails both comparisons and fills nothing.
        double allottedBn = 0;
        double premiumBnPct = 0;
        int winners = 0;
        for (int i = 0; i < n; i++) {
            double r = rate[i];
            double f = 0;
            if (amount[i] > 0 && r >= minRate) {
                if (r > marginal) {
                    f = amount[i];
                } else if (r == marginal) {
                    f = amount[i] * share;
                }
            }
            filledBn[i] = f;
            if (f > 0) {
                allottedBn += f;
                premiumBnPct += f * (r - marginal);
                winners++;
            }
        }
        if (allottedBn == 0) {
            return new Outcome(quantityBn, 0, bidBn, Double.NaN, Double.NaN, 0);
        }
        // Averaged as the margin plus the mean premium over it: never below the margin by rounding.
        double average = pricing == Pricing.MULTIPLE ? marginal + premiumBnPct / allottedBn : marginal;
        return new Outcome(quantityBn, allottedBn, bidBn, marginal, average, winners);
    }
}
