package io.corridorsim.sweep;

import io.corridorsim.montecarlo.Statistics;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Monte Carlo estimates of one statistic at one point from its per-path values: the mean over
 * paths, its standard error sd/√n and the 95% t interval; and the difference against a baseline
 * point, paired path by path (common random numbers: path p saw the same shocks at both points)
 * and, for comparison, unpaired (√(se₁² + se₀²)).
 */
public final class PointEstimates {

    private PointEstimates() {
    }

    /** An estimate with its standard error and 95% interval. */
    public record Estimate(double value, double se, double lo, double hi) {
    }

    /** A difference against the baseline: paired estimate and interval, and the unpaired se. */
    public record Difference(Estimate paired, double unpairedSe) {
    }

    /** The two-sided 95% t quantile with n − 1 degrees of freedom. */
    public static double t975(int n) {
        return new TDistribution(null, n - 1).inverseCumulativeProbability(0.975);
    }

    public static Estimate of(double[] perPath) {
        int n = perPath.length;
        double m = Statistics.mean(perPath);
        double se = Statistics.sd(perPath) / Math.sqrt(n);
        double h = t975(n) * se;
        return new Estimate(m, se, m - h, m + h);
    }

    public static Difference difference(double[] point, double[] baseline) {
        int n = point.length;
        double[] d = new double[n];
        for (int p = 0; p < n; p++) {
            d[p] = point[p] - baseline[p];
        }
        Estimate paired = of(d);
        double unpaired = Math.hypot(Statistics.sd(point), Statistics.sd(baseline)) / Math.sqrt(n);
        return new Difference(paired, unpaired);
    }

    /** Column {@code j} of {@code [path][statistic]}. */
    public static double[] column(double[][] values, int j) {
        double[] out = new double[values.length];
        for (int p = 0; p < values.length; p++) {
            out[p] = values[p][j];
        }
        return out;
    }
}
