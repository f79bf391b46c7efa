package io.corridorsim.bank;

/**
 * One bank's fixed characteristics, drawn once per run from its scenario group and shared by
 * every Monte Carlo path.
 *
 * @param group            scenario group name (e.g. "large", "joint_stock")
 * @param tier             reserve-requirement tier (三档): RRR events can target one tier
 * @param depositsBn       deposits D_i subject to reserve requirements, bn CNY
 * @param reserveRatioPct  required reserve ratio ρ_i in percent; requirement K_i = ρ_i · D_i
 * @param shockSigmaBn     standard deviation σ_i of the bank's end-of-day payment shock, bn CNY
 * @param shockMeanBn      expected late payment μ_i (positive = expected inflow), bn CNY
 * @param stigmaBp         non-pecuniary cost of using the SLF on top of its rate, basis points
 * @param dealer           primary dealer: only dealers take part in OMO
 * @param bufferBn         precautionary demand the bank adds on quarter-end assessment days, bn CNY
 * @param workingBalanceBn reserves the bank keeps above its requirement every day for clearing (settlement working balance), bn CNY
 */
public record BankProfile(String group, ReserveTier tier, double depositsBn, double reserveRatioPct, double shockSigmaBn,
                          double shockMeanBn, double stigmaBp, boolean dealer, double bufferBn,
                          double workingBalanceBn) {
    public BankProfile {
        if (!(depositsBn > 0) || Double.isInfinite(depositsBn)) {
            throw new IllegalArgumentException("deposits must be positive and finite, got " + depositsBn);
        }
        if (!(reserveRatioPct >= 0 && reserveRatioPct < 100)) {
            throw new IllegalArgumentException("reserve ratio must be in [0, 100) percent, got " + reserveRatioPct);
        }
        if (!(shockSigmaBn > 0) || Double.isInfinite(shockSigmaBn)) {
            throw new IllegalArgumentException("shock sigma must be positive and finite, got " + shockSigmaBn);
        }
        if (!Double.isFinite(shockMeanBn) || !(stigmaBp >= 0) || Double.isInfinite(stigmaBp)
                || !(bufferBn >= 0) || Double.isInfinite(bufferBn)
                || !(workingBalanceBn >= 0) || Double.isInfinite(workingBalanceBn)) {
            throw new IllegalArgumentException("shock mean, stigma and buffer must be finite (stigma, buffer ≥ 0)");
        }
    }

    public double requiredBn() {
        return depositsBn * reserveRatioPct / 100.0;
    }
}
