package io.corridorsim.centralbank;

/**
 * What the central bank knows of today's reserve maintenance period under averaging: the
 * calendar's weights and, from its own books, the reserve-days banks have already held. Its
 * demand model then takes the same form as the banks' schedules (DOMAIN §3.1).
 *
 * @param lengthDays    L, calendar days in the period
 * @param remainingDays W_t, calendar days left, today included
 * @param lastDayWeight w_T, the days the period's last business day counts for
 * @param newsVariance  the aggregate news still to come, (bn·days)²
 * @param heldBnDays    H, total reserves held so far in the period, weighted by the days each counted
 * @param credibility   the probability banks give its bringing the last day's rate to its target
 *                      (public): before the last day a fixing r is p·target + (1 − p)·r̃, and its
 *                      model speaks of r̃
 */
public record PeriodView(int lengthDays, int remainingDays, int lastDayWeight, double newsVariance, double heldBnDays,
                         double credibility) {

    /** The fixing's period-schedule part r̃ = (r − p·target)/(1 − p); the last day has no mix. */
    public double scheduleRatePct(double ratePct, double targetPct, boolean lastDay) {
        return lastDay ? ratePct : (ratePct - credibility * targetPct) / (1 - credibility);
    }
}
