package io.corridorsim.centralbank;

/**
 * The central bank's simplified balance sheet (DOMAIN §2), bn CNY:
 * net foreign assets + claims on banks = currency + reserves + government deposits + equity.
 * Equity stays constant because the bank's net interest income is remitted to the treasury
 * account every day (as the PBoC remits its profit), so reserves move only through the five
 * factors: ΔReserves = ΔFX + ΔClaims − ΔGovernmentDeposits − ΔCurrency.
 *
 * <p>This is the central-bank side of the books; the bank sector keeps the other side
 * (bank by bank), and the daily check compares the two.
 */
public final class BalanceSheet {

    private double fxBn;
    private double claimsBn;
    private double currencyBn;
    private double govDepositsBn;
    private final double equityBn;

    public BalanceSheet(double fxBn, double claimsBn, double currencyBn, double govDepositsBn, double reservesBn) {
        this.fxBn = fxBn;
        this.claimsBn = claimsBn;
        this.currencyBn = currencyBn;
        this.govDepositsBn = govDepositsBn;
        this.equityBn = fxBn + claimsBn - currencyBn - govDepositsBn - reservesBn;
    }

    /** Reserves implied by the central bank's own books. */
    public double reservesBn() {
        return fxBn + claimsBn - currencyBn - govDepositsBn - equityBn;
    }

    public void addFx(double bn) {
        fxBn += bn;
    }

    public void addClaims(double bn) {
        claimsBn += bn;
    }

    public void addCurrency(double bn) {
        currencyBn += bn;
    }

    public void addGovDeposits(double bn) {
        govDepositsBn += bn;
    }

    /** Interest received from banks (positive) or paid to them (negative), remitted to the treasury. */
    public void bookNetInterest(double receivedBn) {
        govDepositsBn += receivedBn;
    }

    public double fxBn() {
        return fxBn;
    }

    public double claimsBn() {
        return claimsBn;
    }

    public double currencyBn() {
        return currencyBn;
    }

    public double govDepositsBn() {
        return govDepositsBn;
    }

    public double equityBn() {
        return equityBn;
    }
}
