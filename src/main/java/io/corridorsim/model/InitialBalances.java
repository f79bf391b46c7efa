package io.corridorsim.model;

/**
 * Opening central-bank balance sheet of every path, bn CNY. Reserves are the requirement plus
 * {@code excessReservesBn}; claims on banks are the outstanding reverse repos plus
 * {@code otherClaimsBn} (MLF, relending); net foreign assets, currency and government deposits
 * are given; equity is whatever balances the sheet and stays constant.
 */
public record InitialBalances(double excessReservesBn, double omoOutstandingBn, double otherClaimsBn,
                              double fxBn, double currencyBn, double govDepositsBn) {
    public InitialBalances {
        for (double v : new double[] {excessReservesBn, omoOutstandingBn, otherClaimsBn, fxBn, currencyBn, govDepositsBn}) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("initial balances must be finite numbers");
            }
        }
        if (omoOutstandingBn < 0 || currencyBn < 0 || govDepositsBn < 0 || fxBn < 0) {
            throw new IllegalArgumentException("outstanding operations, currency, government deposits and FX must be ≥ 0");
        }
    }
}
