package io.corridorsim.centralbank;

/**
 * An operation the central bank has announced for a business day (its own calendar: the MLF
 * around the 25th, the monthly outright reverse repos, relending and PSL): what it offers, for
 * how long and at what price.
 *
 * @param day            business-day index on which it is conducted
 * @param facility       the instrument
 * @param tenorDays      calendar days to maturity (repaid on the first business day on or after)
 * @param amountBn       the quantity offered, bn (a rate tender allots at most this)
 * @param ratePct        the fixed rate, percent; NaN for a rate tender (dealers bid rates)
 * @param pricing        how a rate tender prices its winners
 * @param minimumRatePct in a rate tender, the lowest rate it accepts (NaN: none)
 */
public record ScheduledOperation(int day, Facility facility, int tenorDays, double amountBn, double ratePct,
                                 Pricing pricing, double minimumRatePct) {

    /** How winners pay in a rate tender: each its own bid (multiple price) or all the marginal rate (single price). */
    public enum Pricing {
        MULTIPLE, UNIFORM
    }

    public ScheduledOperation {
        if (day < 0 || facility == null || pricing == null) {
            throw new IllegalArgumentException("an operation needs a day, a facility and a pricing");
        }
        if (tenorDays < 1 || tenorDays > 3660) {
            throw new IllegalArgumentException("tenor must be 1–3660 calendar days, got " + tenorDays);
        }
        if (!(amountBn >= 0) || Double.isInfinite(amountBn)) {
            throw new IllegalArgumentException("amount must be ≥ 0 and finite, got " + amountBn);
        }
        if (Double.isInfinite(ratePct) || Double.isInfinite(minimumRatePct)) {
            throw new IllegalArgumentException("rates must be finite or NaN");
        }
    }

    /** A rate tender: dealers bid rates. */
    public boolean tender() {
        return Double.isNaN(ratePct);
    }

    /** The same operation on another day for another amount (a rollover of a maturing one). */
    public ScheduledOperation rolled(int onDay, double amount) {
        return new ScheduledOperation(onDay, facility, tenorDays, amount, ratePct, pricing, minimumRatePct);
    }
}
