package io.corridorsim.sweep;

import io.corridorsim.model.Metric;
import io.corridorsim.montecarlo.SpreadStatistics;
import io.corridorsim.montecarlo.Statistics;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One statistic of one metric, computed on each path's daily series and averaged over paths, so
 * its Monte Carlo standard error is the sd over paths / √paths and paired differences pair path p
 * with path p. For rates (dr001, dr007) the series is the spread to the day's policy rate in bp.
 *
 * <ul>
 *   <li>{@code mean}, {@code sd}: mean and sd over the path's days;</li>
 *   <li>{@code sd_change}: sd of day-to-day changes; {@code ar1}: lag-1 autocorrelation;</li>
 *   <li>{@code pNN}: the path's NN-th percentile over days (type 7);</li>
 *   <li>{@code beyond_Xbp}: share of days with |rate − policy| &gt; X bp (rates only).</li>
 * </ul>
 */
public record StatisticSpec(Metric metric, Kind kind, double parameter) implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Pattern QUANTILE = Pattern.compile("p(\\d\\d)");
    private static final Pattern BEYOND = Pattern.compile("beyond_(\\d+(?:\\.\\d+)?)bp");

    /** What is computed from a path's series. */
    public enum Kind { MEAN, SD, SD_CHANGE, AR1, QUANTILE, BEYOND }

    /** Parses {@code name} for {@code metric}; null message means valid (see {@link #problem}). */
    static StatisticSpec parse(Metric metric, String name) {
        String problem = problem(metric, name);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        Matcher q = QUANTILE.matcher(name);
        if (q.matches()) {
            return new StatisticSpec(metric, Kind.QUANTILE, Integer.parseInt(q.group(1)) / 100.0);
        }
        Matcher b = BEYOND.matcher(name);
        if (b.matches()) {
            return new StatisticSpec(metric, Kind.BEYOND, Double.parseDouble(b.group(1)));
        }
        return new StatisticSpec(metric, Kind.valueOf(name.toUpperCase(Locale.ROOT)), Double.NaN);
    }

    /** Why {@code name} is not a statistic of {@code metric}, or null. */
    static String problem(Metric metric, String name) {
        String expected = "expected mean, sd, sd_change, ar1, pNN (e.g. p95) or beyond_Xbp (e.g. beyond_10bp)";
        if (name == null) {
            return expected;
        }
        if (QUANTILE.matcher(name).matches()) {
            int p = Integer.parseInt(name.substring(1));
            return p >= 1 && p <= 99 ? null : "percentiles go from p01 to p99, got " + name;
        }
        if (BEYOND.matcher(name).matches()) {
            return isRate(metric) ? null : "beyond_Xbp compares a rate with the policy rate; " + metric.column() + " is not a rate";
        }
        return switch (name) {
            case "mean", "sd", "sd_change", "ar1" -> null;
            default -> expected + ", got '" + name + "'";
        };
    }

    static boolean isRate(Metric metric) {
        return metric == Metric.DR001 || metric == Metric.DR007;
    }

    /** Column name in points.csv, e.g. {@code dr007_sd} or {@code dr007_beyond_10bp}. */
    public String column() {
        String s = switch (kind) {
            case QUANTILE -> String.format(Locale.ROOT, "p%02d", Math.round(parameter * 100));
            case BEYOND -> "beyond_" + trim(parameter) + "bp";
            default -> kind.name().toLowerCase(Locale.ROOT);
        };
        return metric.column() + "_" + s;
    }

    /** Axis label with its unit. */
    public String label() {
        String what = isRate(metric) ? metric.column().toUpperCase(Locale.ROOT) + " − policy" : metric.column();
        String unit = isRate(metric) ? "bp" : metric.unit();
        return switch (kind) {
            case MEAN -> what + ", mean (" + unit + ")";
            case SD -> what + ", sd over days (" + unit + ")";
            case SD_CHANGE -> what + ", sd of daily changes (" + unit + ")";
            case AR1 -> what + ", AR(1) (1)";
            case QUANTILE -> what + ", p" + Math.round(parameter * 100) + " over days (" + unit + ")";
            case BEYOND -> "share of days |" + what + "| > " + trim(parameter) + "bp (share)";
        };
    }

    /**
     * The statistic of one path. {@code series}: the metric's daily values; {@code policyPct}:
     * the policy rate each day (used for rates only). Neither array is modified.
     */
    public double ofPath(double[] series, double[] policyPct) {
        double[] x = series;
        if (isRate(metric)) {
            x = new double[series.length];
            for (int t = 0; t < x.length; t++) {
                x[t] = (series[t] - policyPct[t]) * 100;
            }
        }
        return switch (kind) {
            case MEAN -> Statistics.mean(x);
            case SD -> Statistics.sd(x);
            case SD_CHANGE -> isRate(metric) ? SpreadStatistics.ofSeries(series, policyPct).sdChangeBp() : sdChange(x);
            case AR1 -> Statistics.autocorrelation1(x);
            case QUANTILE -> {
                double[] sorted = x.clone();
                Arrays.sort(sorted);
                yield Statistics.quantileSorted(sorted, parameter);
            }
            case BEYOND -> {
                int n = 0;
                for (double v : x) {
                    if (Math.abs(v) > parameter) {
                        n++;
                    }
                }
                yield (double) n / x.length;
            }
        };
    }

    private static double sdChange(double[] x) {
        double[] d = new double[Math.max(0, x.length - 1)];
        for (int t = 1; t < x.length; t++) {
            d[t - 1] = x[t] - x[t - 1];
        }
        return Statistics.sd(d);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
