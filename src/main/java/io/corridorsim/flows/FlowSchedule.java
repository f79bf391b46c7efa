package io.corridorsim.flows;


/**
 * The autonomous factors of DOMAIN §2 and §3.4 day by day: the forecastable calendar part of
 * each factor (what lands in the morning, known to banks and, up to a forecast error, to the
 * central bank) and the size of the unforecast part that lands after trading. Immutable,
 * shared by all paths. Sign conventions follow the five-factor identity: a positive
 * {@code fxBn} adds reserves, positive {@code govBn} (government deposits) and
 * {@code currencyBn} drain them.
 */
public final class FlowSchedule {

    private final double[] fxBn;
    private final double[] govBn;
    private final double[] currencyBn;
    private final double[] depositFactor;
    private final boolean[] requirementReset;
    private final double[] surpriseSdBn;
    private final double surpriseReversal;

    /** The forecastable part of the three autonomous factors, bn per business day. */
    public record Factors(double[] fxBn, double[] govBn, double[] currencyBn) {
    }

    /**
     * The unforecast part.
     *
     * @param sdBn     its sd per business day, bn
     * @param reversal share of yesterday's surprise that reverses this morning (timing errors in
     *                 treasury flows wash out); 0 makes surprises permanent
     */
    public record Surprise(double[] sdBn, double reversal) {
    }

    public FlowSchedule(Factors factors, double[] depositFactor, boolean[] requirementReset, Surprise surprise) {
        double[] fxBn = factors.fxBn();
        double[] govBn = factors.govBn();
        double[] currencyBn = factors.currencyBn();
        double[] surpriseSdBn = surprise.sdBn();
        double surpriseReversal = surprise.reversal();
        if (!(surpriseReversal >= 0 && surpriseReversal <= 1)) {
            throw new IllegalArgumentException("surprise reversal must be a share in [0, 1], got " + surpriseReversal);
        }
        this.surpriseReversal = surpriseReversal;
        int n = fxBn.length;
        if (govBn.length != n || currencyBn.length != n || depositFactor.length != n
                || requirementReset.length != n || surpriseSdBn.length != n) {
            throw new IllegalArgumentException("flow arrays must have one entry per business day");
        }
        for (int t = 0; t < n; t++) {
            if (!Double.isFinite(fxBn[t]) || !Double.isFinite(govBn[t]) || !Double.isFinite(currencyBn[t])
                    || !(depositFactor[t] > 0) || !(surpriseSdBn[t] >= 0) || Double.isInfinite(surpriseSdBn[t])) {
                throw new IllegalArgumentException("flow schedule has an invalid value on day " + t);
            }
        }
        this.fxBn = fxBn.clone();
        this.govBn = govBn.clone();
        this.currencyBn = currencyBn.clone();
        this.depositFactor = depositFactor.clone();
        this.requirementReset = requirementReset.clone();
        this.surpriseSdBn = surpriseSdBn.clone();
    }

    public int size() {
        return fxBn.length;
    }

    public double fxBn(int t) {
        return fxBn[t];
    }

    public double govBn(int t) {
        return govBn[t];
    }

    public double currencyBn(int t) {
        return currencyBn[t];
    }

    /** Net forecastable effect on reserves: ΔFX − ΔGov − ΔCurrency. */
    public double netBn(int t) {
        return fxBn[t] - govBn[t] - currencyBn[t];
    }

    public double depositFactor(int t) {
        return depositFactor[t];
    }

    /** Required reserves are recomputed from deposits on this day (a reserve payment date). */
    public boolean requirementReset(int t) {
        return requirementReset[t];
    }

    public double surpriseSdBn(int t) {
        return surpriseSdBn[t];
    }

    public double surpriseReversal() {
        return surpriseReversal;
    }
}
