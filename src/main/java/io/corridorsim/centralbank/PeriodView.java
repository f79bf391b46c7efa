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
 */
public record PeriodView(int lengthDays, int remainingDays, int lastDayWeight, double newsVariance, double heldBnDays) {
}
