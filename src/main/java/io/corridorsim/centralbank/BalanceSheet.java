package io.corridorsim.centralbank;

/**
 * The central bank's simplified balance sheet (DOMAIN §2), bn CNY:
 * net foreign assets + claims on banks = currency + reserves + government deposits + equity.
 * Its net interest (received on its operations and the SLF, paid on reserves) moves its equity,
 * the "other items" of seed 002; a positive profit is remitted to the treasury's account on its
 * remittance days. Reserves move through the five factors:
 * ΔReserves = ΔFX + ΔClaims − ΔGovernmentDeposits − ΔCurrency − ΔOtherItems.
 *
 * <p>This is the central-bank side of the books; the bank sector keeps the other side
 * (bank by bank), and the daily check compares the two.
 */
public final class BalanceSheet {

    private double fxBn;
    private double claimsBn;
    private double currencyBn;
    private double govDepositsBn;
    private double equityBn;
    /** Equity after the last remittance (or at the opening): what is above it is profit not yet remitted. */
    private double remittedEquityBn;

    public BalanceSheet(double fxBn, double claimsBn, double currencyBn, double govDepositsBn, double reservesBn) {
        open(fxBn, claimsBn, currencyBn, govDepositsBn, reservesBn);
    }

    /** Opens the books again with these balances, as the constructor does (a reused model's next path). */
    public void open(double fxBn, double claimsBn, double currencyBn, double govDepositsBn, double reservesBn) {
        this.fxBn = fxBn;
        this.claimsBn = claimsBn;
        this.currencyBn = currencyBn;
        this.govDepositsBn = govDepositsBn;
        this.equityBn = fxBn + claimsBn - currencyBn - govDepositsBn - reservesBn;
        this.remittedEquityBn = equityBn;
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

    /** Interest received from banks (positive) or paid to them (negative): its profit, in equity. */
    public void bookNetInterest(double receivedBn) {
        equityBn += receivedBn;
    }

    /**
     * Remits the profit made since the last remittance, if positive, to the treasury's account
     * (equity falls, government deposits rise: reserves do not move). A loss stays in equity and
     * is carried forward: later profit makes it good before anything is remitted.
     *
     * @return what was remitted, bn
     */
    public double remitProfit() {
        double profit = equityBn - remittedEquityBn;
        if (!(profit > 0)) {
            return 0;
        }
        equityBn -= profit;
        govDepositsBn += profit;
        return profit;
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
