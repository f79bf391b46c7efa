package io.corridorsim.model;

import io.corridorsim.calendar.Timeline;
import io.corridorsim.flows.FlowSchedule;

/**
 * Per business day, what reserve averaging needs from the calendar (DOMAIN §3.1,
 * {@code docs/averaging.md}), computed in one backward pass over the timeline:
 * <ul>
 *   <li>{@link #lastDayWeight}: w_T, the calendar days the period's last business day counts for
 *       within the period;</li>
 *   <li>{@link #newsVariance}: Σ_{s=t}^{T−1} (A_s · d_s)², the variance of the aggregate news still
 *       to come before the last day, in (bn·days)², where A_s is day s's late surprise sd and d_s
 *       the days it stays in the period's sum: w_s, plus the later days for the part that does not
 *       reverse the next morning;</li>
 *   <li>{@link #nightsInNextPeriod}: on a period's last business day, the nights its balance counts
 *       in the next period (a period ending on a weekend or holiday), else 0.</li>
 * </ul>
 * A period that runs past the end of the run is taken to end on the run's last day.
 */
final class AveragingWeights {

    private final int[] lastDayWeight;
    private final double[] newsVariance;
    private final int[] nightsInNext;

    AveragingWeights(Timeline tl, FlowSchedule flows) {
        int n = tl.size();
        lastDayWeight = new int[n];
        newsVariance = new double[n];
        nightsInNext = new int[n];
        double keep = 1 - flows.surpriseReversal();
        int lw = 1;
        double v = 0;
        for (int t = n - 1; t >= 0; t--) {
            boolean last = t == n - 1 || tl.maintenancePeriod(t + 1) != tl.maintenancePeriod(t);
            int w = tl.periodWeight(t);
            if (last) {
                lw = w;
                v = 0;
            } else {
                double days = w + keep * (tl.periodCalendarDaysRemaining(t) - w);
                double a = flows.surpriseSdBn(t) * days;
                v += a * a;
            }
            lastDayWeight[t] = lw;
            newsVariance[t] = v;
            nightsInNext[t] = tl.nightsInNextPeriod(t);
        }
    }

    int lastDayWeight(int t) {
        return lastDayWeight[t];
    }

    double newsVariance(int t) {
        return newsVariance[t];
    }

    int nightsInNextPeriod(int t) {
        return nightsInNext[t];
    }
}
