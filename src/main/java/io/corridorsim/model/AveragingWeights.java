package io.corridorsim.model;

import io.corridorsim.calendar.Timeline;

/**
 * Per business day, the two weights of reserve averaging, computed in two passes over the
 * timeline (the balance of day t counts for w_t calendar days of its maintenance period):
 * <ul>
 *   <li>{@link #damping}: sqrt(Σ_{j≥t} w_j²) / w_t. Today's supply moves the period average by
 *       w_t while the rest of the period's shocks add up with weights w_j, so the rate responds
 *       to today's supply by the inverse of this (1 on the period's last day).</li>
 *   <li>{@link #periodShockRatio}: sqrt(Σ_period w²) / period length, the sd of the period's
 *       average shock relative to one day's.</li>
 * </ul>
 */
final class AveragingWeights {

    private final double[] damping;
    private final double[] periodShockRatio;

    AveragingWeights(Timeline tl) {
        int n = tl.size();
        damping = new double[n];
        periodShockRatio = new double[n];
        double tail = 0;
        for (int t = n - 1; t >= 0; t--) {
            if (t == n - 1 || tl.maintenancePeriod(t + 1) != tl.maintenancePeriod(t)) {
                tail = 0;
            }
            double w = tl.periodWeight(t);
            tail += w * w;
            damping[t] = Math.sqrt(tail) / w;
        }
        int first = 0;
        for (int t = 0; t < n; t++) {
            if (t > 0 && tl.maintenancePeriod(t) != tl.maintenancePeriod(t - 1)) {
                first = t;
            }
            // At the period's first day the tail sum is the whole period's Σ w².
            double whole = damping[first] * tl.periodWeight(first);
            periodShockRatio[t] = Math.min(1, whole / tl.periodLengthCalendarDays(t));
        }
    }

    double damping(int t) {
        return damping[t];
    }

    double periodShockRatio(int t) {
        return periodShockRatio[t];
    }
}
