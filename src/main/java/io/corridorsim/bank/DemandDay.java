package io.corridorsim.bank;

/**
 * Today's context for the banks' demand schedules (rates percent, amounts bn).
 *
 * @param floorPct   the corridor floor (IOER)
 * @param ceilingPct the overnight SLF rate (each bank adds its stigma)
 * @param precaution the day's precautionary intensity (0 on ordinary days; assessment dates)
 * @param period     where today sits in its maintenance period; null without averaging
 */
public record DemandDay(double floorPct, double ceilingPct, double precaution, PeriodPosition period) {

    public boolean averaging() {
        return period != null;
    }
}
