package io.corridorsim.centralbank;

/**
 * The central bank's model of aggregate reserve demand: the banks' own Poole schedule
 * (DOMAIN §3.1) summed, with the level it has learned and the slope it believes in,
 * {@code r = f + (c − f) · Φ((K + X̂ + prior − S) / σ̂)}, where K is the reported requirement,
 * X̂ its estimate of the excess reserves that put the rate at the corridor midpoint, prior its
 * calendar prior of precautionary demand and σ̂ its demand scale. Pure functions.
 */
public final class DemandModel {

    /** Probabilities are kept this far inside (0, 1), so a fixing at a bound stays finite in the inversion. */
    static final double P_BOUND = 1e-4;

    private DemandModel() {
    }

    /** Standardised gap Φ⁻¹((r − f)/(c − f)) of a rate inside the corridor, clamped near the bounds. */
    public static double standardGap(CentralBankView v, double ratePct) {
        double p = (ratePct - v.floorPct()) / (v.ceilingPct() - v.floorPct());
        p = Math.min(Math.max(p, P_BOUND), 1 - P_BOUND);
        return v.family().quantile(p);
    }

    /** The reserves its model says put today's overnight rate at {@code ratePct}. */
    public static double supplyForRate(CentralBankView v, double ratePct) {
        return v.reportedRequiredBn() + v.demandEstimateBn() + v.priorShiftBn()
                - v.demandScaleBn() * standardGap(v, ratePct);
    }

    /**
     * The excess-demand level that explains an observed fixing: the X at which its model, given
     * the supply the market actually cleared ({@code supplyBn}), gives the observed rate.
     */
    public static double impliedEstimateBn(CentralBankView v, double supplyBn, double fixingPct) {
        return supplyBn - v.reportedRequiredBn() - v.priorShiftBn()
                + v.demandScaleBn() * standardGap(v, fixingPct);
    }

    /** Constant-gain learning: move the estimate {@code gain} of the way to what the fixing implies. */
    public static double learn(double estimateBn, double impliedBn, double gain) {
        return estimateBn + gain * (impliedBn - estimateBn);
    }
}
