package io.corridorsim.montecarlo;

/**
 * The calibration statistics for one rate series against the policy rate, in basis points:
 * mean spread, sd of the spread, sd of daily changes, AR(1) of the spread. For simulated runs
 * each is computed path by path and averaged over paths, with the Monte Carlo standard error,
 * so they compare with one observed year. An undefined value is NaN, never a number: standard
 * errors with one path, sds of fewer than two values, AR(1) of a constant spread (see
 * {@link #undefinedReason()}).
 */
public record SpreadStatistics(double meanBp, double sdBp, double sdChangeBp, double ar1, double meanSeBp,
                               double sdSeBp, double sdChangeSeBp, double ar1Se) {

    /** Statistics of one series (rates and policy in percent, same length). */
    public static SpreadStatistics ofSeries(double[] ratePct, double[] policyPct) {
        int n = ratePct.length;
        return ofSeries(ratePct, policyPct, new double[n], new double[Math.max(0, n - 1)]);
    }

    /** As {@link #ofSeries(double[], double[])}, in caller-owned scratch arrays (lengths n and n − 1). */
    static SpreadStatistics ofSeries(double[] ratePct, double[] policyPct, double[] spread, double[] change) {
        int n = ratePct.length;
        for (int t = 0; t < n; t++) {
            spread[t] = (ratePct[t] - policyPct[t]) * 100;
        }
        for (int t = 1; t < n; t++) {
            change[t - 1] = (ratePct[t] - ratePct[t - 1]) * 100;
        }
        return new SpreadStatistics(Statistics.mean(spread), Statistics.sd(spread), Statistics.sd(change),
                Statistics.autocorrelation1(spread), Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** Why some values are undefined (NaN), in words; empty when all are defined. */
    public String undefinedReason() {
        java.util.List<String> why = new java.util.ArrayList<>();
        if (Double.isNaN(ar1)) {
            why.add("AR(1) undefined: the spread is constant (or shorter than 3 days) on a path");
        }
        if (Double.isNaN(sdBp) || Double.isNaN(sdChangeBp)) {
            why.add("sd undefined: too few days");
        }
        if (Double.isNaN(meanSeBp) && !Double.isNaN(meanBp)) {
            why.add("standard errors need at least two paths");
        }
        return String.join("; ", why);
    }

    /** Path-by-path statistics of {@code values[day][path]}, averaged over paths. */
    public static SpreadStatistics ofPaths(double[][] dayByPath, double[] policyPct) {
        int days = dayByPath.length;
        int paths = dayByPath[0].length;
        double[][] per = new double[4][paths];
        double[] series = new double[days];
        for (int p = 0; p < paths; p++) {
            for (int t = 0; t < days; t++) {
                series[t] = dayByPath[t][p];
            }
            SpreadStatistics s = ofSeries(series, policyPct);
            per[0][p] = s.meanBp;
            per[1][p] = s.sdBp;
            per[2][p] = s.sdChangeBp;
            per[3][p] = s.ar1;
        }
        double root = Math.sqrt(paths);
        return new SpreadStatistics(Statistics.mean(per[0]), Statistics.mean(per[1]), Statistics.mean(per[2]),
                Statistics.mean(per[3]), Statistics.sd(per[0]) / root, Statistics.sd(per[1]) / root,
                Statistics.sd(per[2]) / root, Statistics.sd(per[3]) / root);
    }
}
