package io.corridorsim.model;

/**
 * Opening central-bank balance sheet of every path, bn CNY. Reserves are the requirement plus
 * {@code excessReservesBn}; claims on banks are the outstanding reverse repos plus
 * {@code otherClaimsBn} (MLF, relending); net foreign assets, currency and government deposits
 * are given; equity is whatever balances the sheet. {@code termStock}: MLF and outright reverse
 * repos outstanding at the opening, owed by the dealers and maturing month by month.
 */
public record InitialBalances(double excessReservesBn, double omoOutstandingBn, double otherClaimsBn,
                              double fxBn, double currencyBn, double govDepositsBn, TermStock termStock) {

    /**
     * MLF outstanding (a year's monthly operations, maturing in twelve equal parts around the
     * 25th of the next twelve months) and outright reverse repos (maturing in six equal parts
     * around the 15th of the next six months), bn.
     */
    public record TermStock(double mlfBn, double outrightBn) {
        public TermStock {
            if (!(mlfBn >= 0) || !(outrightBn >= 0) || Double.isInfinite(mlfBn) || Double.isInfinite(outrightBn)) {
                throw new IllegalArgumentException("opening MLF and outright stocks must be ≥ 0 and finite");
            }
        }

        public static TermStock none() {
            return new TermStock(0, 0);
        }
    }

    public InitialBalances {
        termStock = termStock == null ? TermStock.none() : termStock;
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
