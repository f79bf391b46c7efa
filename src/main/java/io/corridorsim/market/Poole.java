package io.corridorsim.market;

/**
 * Poole's (1968) reserve demand inside a rate corridor (DOMAIN §3.1), as pure functions.
 *
 * <p>A bank holds R after trading; a late shock μ + σZ then hits its balance. It borrows any
 * shortfall below the requirement K at the ceiling c and earns the floor f on any surplus, so
 * the marginal value of a unit of reserves at the market is
 * {@code r = f + (c − f) · P(R + μ + σZ < K)}. Inverted: {@code R*(r) = K − μ − σ · F⁻¹((r − f)/(c − f))}.
 * Rates are in percent per annum, amounts in bn CNY.
 */
public final class Poole {

    private Poole() {
    }

    /** The rate at which a bank facing shortfall probability {@code pShort} is indifferent. */
    public static double rate(double floorPct, double ceilingPct, double pShort) {
        return floorPct + (ceilingPct - floorPct) * pShort;
    }

    /**
     * Optimal post-trade holding R* at market rate {@code ratePct}; {@code targetBn} is K − μ,
     * the balance that leaves the bank exactly at its requirement after an average shock.
     * +infinity at or below the floor, −infinity at or above the ceiling.
     */
    public static double demand(double targetBn, double sigmaBn, Corridor corridor, double ratePct, ShockFamily family) {
        double floorPct = corridor.floorPct();
        return targetBn - sigmaBn * family.quantile((ratePct - floorPct) / (corridor.ceilingPct() - floorPct));
    }

    /** The corridor's floor (IOER) and ceiling (SLF), percent. */
    public record Corridor(double floorPct, double ceilingPct) {
    }

    /**
     * Market clearing Σ R_i*(r) = S with a common ceiling and one shock family:
     * {@code r* = f + (c − f) · F((ΣK − Σμ − S) / Σσ)}. With normal shocks and S = ΣK − Σμ this
     * is the corridor midpoint.
     *
     * @param supplyGapBn ΣK − Σμ − S: positive in a shortage, negative in a surplus
     * @param sumSigmaBn  Σσ_i, strictly positive
     */
    public static double clearingRate(double floorPct, double ceilingPct, double supplyGapBn,
                                      double sumSigmaBn, ShockFamily family) {
        return rate(floorPct, ceilingPct, family.cdf(supplyGapBn / sumSigmaBn));
    }
}
