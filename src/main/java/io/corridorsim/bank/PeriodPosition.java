package io.corridorsim.bank;

/**
 * Where today sits in its reserve maintenance period and what banks believe about the period's
 * end (DOMAIN §3.1, derivation in {@code docs/averaging.md}). Calendar-day weights: a business
 * day's end-of-day balance counts for the calendar days until the next business day, within
 * the period.
 *
 * @param lengthDays      L, calendar days in the period
 * @param remainingDays   W_t, calendar days from today to the period's end, today included
 * @param lastDayWeight   w_T, the calendar days the period's last business day counts for
 * @param lastDay         today is the period's last business day
 * @param newsVariance    Σ over the days to come before the last of (A_s · days the surprise of day s
 *                        stays in the average)²: the aggregate news still to come, in (bn·days)²
 * @param allowancePp     the daily shortfall allowed below the requirement, percentage points of deposits
 * @param anchorPct       the rate the market mixes in with weight {@code anchorWeight}: the central
 *                        bank's target before the last day (if it operates then, with the credibility
 *                        banks give it), the next period's expected rate on a last day whose balance
 *                        also counts in the next period
 * @param anchorWeight    that weight, in [0, 1)
 */
public record PeriodPosition(int lengthDays, int remainingDays, int lastDayWeight, boolean lastDay,
                             double newsVariance, double allowancePp, double anchorPct, double anchorWeight) {
    public PeriodPosition {
        if (lengthDays < 1 || remainingDays < 1 || lastDayWeight < 1) {
            throw new IllegalArgumentException("period days must be positive: L=" + lengthDays + ", W=" + remainingDays
                    + ", w_T=" + lastDayWeight);
        }
        if (!(anchorWeight >= 0 && anchorWeight < 1)) {
            throw new IllegalArgumentException("anchor weight must be in [0, 1), got " + anchorWeight);
        }
        if (!(newsVariance >= 0)) {
            throw new IllegalArgumentException("news variance must be ≥ 0, got " + newsVariance);
        }
    }
}
