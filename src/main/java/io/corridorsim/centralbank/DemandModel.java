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

    /**
     * The reserves its model says put today's overnight rate at {@code ratePct}. Under averaging
     * the model is the banks' period schedule summed: what the period still needs,
     * ((K + X̂ + prior)·L − H)/W_t, less √((σ̂·w_T)² + V)/W_t per unit of the standardised gap.
     */
    public static double supplyForRate(CentralBankView v, double ratePct) {
        double level = v.reportedRequiredBn() + v.demandEstimateBn() + v.priorShiftBn();
        PeriodView p = v.period();
        if (p == null) {
            return level - v.demandScaleBn() * standardGap(v, ratePct);
        }
        return (level * p.lengthDays() - p.heldBnDays()) / p.remainingDays() - slope(v, p) * standardGap(v, ratePct);
    }

    /**
     * The excess-demand level that explains an observed fixing: the X at which its model, given
     * the supply the market actually cleared ({@code supplyBn}), gives the observed rate.
     */
    public static double impliedEstimateBn(CentralBankView v, double supplyBn, double fixingPct, double targetPct) {
        PeriodView p = v.period();
        if (p == null) {
            return supplyBn + v.demandScaleBn() * standardGap(v, fixingPct) - v.reportedRequiredBn() - v.priorShiftBn();
        }
        boolean lastDay = p.remainingDays() == p.lastDayWeight();
        double schedule = p.scheduleRatePct(fixingPct, targetPct, lastDay);
        double level = ((supplyBn + slope(v, p) * standardGap(v, schedule)) * p.remainingDays() + p.heldBnDays()) / p.lengthDays();
        return level - v.reportedRequiredBn() - v.priorShiftBn();
    }

    /** The period schedule's slope per unit of the standardised gap, bn. */
    private static double slope(CentralBankView v, PeriodView p) {
        double s = v.demandScaleBn() * p.lastDayWeight();
        return Math.sqrt(s * s + p.newsVariance()) / p.remainingDays();
    }

    /** Constant-gain learning: move the estimate {@code gain} of the way to what the fixing implies. */
    public static double learn(double estimateBn, double impliedBn, double gain) {
        return estimateBn + gain * (impliedBn - estimateBn);
    }
}
