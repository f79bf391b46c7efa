package io.corridorsim.centralbank;

/**
 * Outstanding open market operations by the business day on which they mature: principal and
 * interest due. Index {@code horizon} collects everything maturing after the run ends.
 */
public final class OperationBook {

    private final double[] principalDue;
    private final double[] interestDue;
    private double outstandingBn;

    public OperationBook(int horizonDays) {
        principalDue = new double[horizonDays + 1];
        interestDue = new double[horizonDays + 1];
    }

    /** Books an operation maturing on business day {@code maturityIndex} (clamped to the horizon). */
    public void book(int maturityIndex, double principalBn, double interestBn) {
        int k = Math.min(maturityIndex, principalDue.length - 1);
        principalDue[k] += principalBn;
        interestDue[k] += interestBn;
        outstandingBn += principalBn;
    }

    /** Nothing outstanding, as new. */
    void clear() {
        java.util.Arrays.fill(principalDue, 0);
        java.util.Arrays.fill(interestDue, 0);
        outstandingBn = 0;
    }

    public double principalDue(int t) {
        return principalDue[t];
    }

    public double interestDue(int t) {
        return interestDue[t];
    }

    /** Removes day t's maturities from the outstanding stock. */
    public void settle(int t) {
        outstandingBn -= principalDue[t];
    }

    public double outstandingBn() {
        return outstandingBn;
    }
}
