package io.corridorsim.montecarlo;

import java.util.Arrays;

/**
 * Descriptive statistics used by the reports, as pure functions over arrays. NaN marks an
 * undefined value (a fixing on a day without trades of its tenor) and is left out everywhere.
 */
public final class Statistics {

    /** The quantile levels reported everywhere: p01 p05 p25 p50 p75 p95 p99. */
    public static final double[] LEVELS = {0.01, 0.05, 0.25, 0.50, 0.75, 0.95, 0.99};

    /** Column names matching {@link #LEVELS}. */
    public static final String[] LEVEL_NAMES = {"p01", "p05", "p25", "p50", "p75", "p95", "p99"};

    /** Relative spread below which a series counts as constant (round-off, not variation). */
    public static final double CONSTANT_TOLERANCE = 1e-9;

    private Statistics() {
    }

    /** Quantile of sorted data by linear interpolation between order statistics (Hyndman–Fan type 7, R's default). */
    public static double quantileSorted(double[] sorted, double p) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, n - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** All {@link #LEVELS} quantiles of {@code data} (not modified). */
    public static double[] quantiles(double[] data) {
        double[] sorted = defined(data);
        Arrays.sort(sorted);
        double[] q = new double[LEVELS.length];
        for (int k = 0; k < LEVELS.length; k++) {
            q[k] = quantileSorted(sorted, LEVELS[k]);
        }
        return q;
    }

    /** The values that are not NaN, in order (the array itself when all are). */
    public static double[] defined(double[] data) {
        int k = 0;
        for (double v : data) {
            if (!Double.isNaN(v)) {
                k++;
            }
        }
        if (k == data.length) {
            return data.clone();
        }
        double[] out = new double[k];
        k = 0;
        for (double v : data) {
            if (!Double.isNaN(v)) {
                out[k++] = v;
            }
        }
        return out;
    }

    /** Arithmetic mean of the defined values, summed in index order (deterministic); NaN if none. */
    public static double mean(double[] data) {
        double s = 0;
        int n = 0;
        for (double v : data) {
            if (!Double.isNaN(v)) {
                s += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** Sample standard deviation (n − 1); NaN (undefined) for fewer than two values. */
    public static double sd(double[] data) {
        data = defined(data);
        int n = data.length;
        if (n < 2) {
            return Double.NaN;
        }
        double m = mean(data);
        double s = 0;
        for (double v : data) {
            double d = v - m;
            s += d * d;
        }
        return Math.sqrt(s / (n - 1));
    }

    /** True when every value equals the first up to 1e-9 of the series' magnitude (at least 1e-9 absolute). */
    public static boolean isConstant(double[] x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double scale = 1;
        for (double v : x) {
            if (Double.isNaN(v)) {
                continue;
            }
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
            scale = Math.max(scale, Math.abs(v));
        }
        return x.length == 0 || hi - lo <= CONSTANT_TOLERANCE * scale;
    }

    /**
     * Lag-1 autocorrelation of a series; NaN (undefined) for fewer than three values or a
     * constant series. "Constant" allows for rounding: a spread computed as rate − policy from
     * rates pinned at a bound varies only in its last bits, and the ratio of two such
     * round-off sums is any number at all.
     */
    public static double autocorrelation1(double[] x) {
        int n = x.length;
        if (n < 3 || isConstant(x)) {
            return Double.NaN;
        }
        double m = mean(x);
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(x[i])) {
                continue;
            }
            double d = x[i] - m;
            den += d * d;
            if (i > 0 && !Double.isNaN(x[i - 1])) {
                num += d * (x[i - 1] - m);
            }
        }
        return den == 0 ? Double.NaN : num / den;
    }
}
