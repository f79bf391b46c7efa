package io.corridorsim.bank;

/**
 * Today's end-of-day context (rates percent, DOMAIN §4 step 5).
 *
 * @param day           business-day index of today (the SLF is repaid on the next)
 * @param accrualDays   nights until the next business day
 * @param floorPct      IOER, paid on the excess over the requirement
 * @param requiredPct   remuneration of required reserves
 * @param slfRatePct    the overnight SLF rate charged on tonight's shortfalls
 * @param averaging     today's place in the maintenance period ({@code allowancePp}, weights); null without averaging
 * @param weightDays    calendar days today's balance counts for in its period (averaging)
 * @param periodEnd     today closes the maintenance period (averaging)
 */
public record EndOfDay(int day, int accrualDays, double floorPct, double requiredPct, double slfRatePct,
                       PeriodPosition averaging, int weightDays, boolean periodEnd) {
}
