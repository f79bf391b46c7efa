package io.corridorsim.model;

/**
 * How the interbank market clears.
 *
 * @param forceNumeric   always use the numeric solver, even when the closed form applies (validation)
 * @param tolerancePct   absolute tolerance of the numeric solver on the rate, percentage points
 */
public record MarketSpec(boolean forceNumeric, double tolerancePct) {
    public MarketSpec {
        if (!(tolerancePct > 0 && tolerancePct < 0.01)) {
            throw new IllegalArgumentException("solver tolerance must be in (0, 0.01) percentage points, got " + tolerancePct);
        }
    }
}
