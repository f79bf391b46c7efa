package io.corridorsim.model;

import io.corridorsim.market.AggregateDemand;
import io.corridorsim.market.CallAuction;

/**
 * How the interbank market clears.
 *
 * @param forceNumeric   always use the numeric solver, even when the closed form applies (validation)
 * @param tolerancePct   absolute tolerance of the numeric solver on the rate, percentage points
 * @param solver         the numeric call auction: {@link CallAuction#clear} (validation can swap in a
 *                       deliberately broken one to see its oracle fail)
 */
public record MarketSpec(boolean forceNumeric, double tolerancePct, Solver solver) {

    /** A call auction: the rate in [lo, hi] at which aggregate demand meets supply. */
    @FunctionalInterface
    public interface Solver {
        double clear(AggregateDemand demand, double supplyBn, double loPct, double hiPct, double tolerancePct);
    }

    public MarketSpec {
        if (!(tolerancePct > 0 && tolerancePct < 0.01)) {
            throw new IllegalArgumentException("solver tolerance must be in (0, 0.01) percentage points, got " + tolerancePct);
        }
        if (solver == null) {
            throw new IllegalArgumentException("a market needs a solver");
        }
    }

    public MarketSpec(boolean forceNumeric, double tolerancePct) {
        this(forceNumeric, tolerancePct, CallAuction::clear);
    }

    /** The same market with another numeric solver. */
    public MarketSpec withSolver(Solver other) {
        return new MarketSpec(forceNumeric, tolerancePct, other);
    }
}
