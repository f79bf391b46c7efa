package io.corridorsim.montecarlo;

import io.corridorsim.centralbank.Facility;
import io.corridorsim.model.Metric;
import io.corridorsim.model.ModelSpec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a run directory reports, computed once from a streaming run ({@link MonteCarlo#summarize}):
 * per day and metric the mean, sd and quantiles across paths; per metric over all path-days the
 * same with the Monte Carlo standard error and the shares at the corridor's bounds; the
 * calibration statistics and seasonal windows (path by path, averaged over paths); the
 * histograms of the rates' spreads; DR001 through the maintenance period; the operations per
 * day and their flows. Its size depends on the calendar, never on the number of paths. The
 * writers only format it.
 *
 * <p>Quantiles come from sketches with a stated error (see {@link QuantileSketch} and
 * {@link FixedBinHistogram}); means and sds are exact (merged in block order).
 */
public final class RunSummary {

    /** Over all path-days of one metric. Shares at the bounds are NaN for metrics other than rates. */
    public record Overall(double mean, double sd, double[] quantiles, double mcseMean, double shareAtFloor,
                          double shareAtCeiling) {
    }

    /**
     * One row of the per-day operations table: path-operations, paths with one, the mean amount
     * over all paths, the |amount|-weighted rates (NaN when nothing was allotted), the mean of
     * the defined cover ratios and the share of paths that operated.
     */
    public record OperationDay(int day, Facility facility, int tenorDays, int operations, int paths, double meanAmountBn,
                               double meanRatePct, double meanMarginalRatePct, double meanCoverRatio, double shareOfPaths) {
    }

    /** DR001 − policy (bp) by business days to the period's end ({@code [k]}: k days before the last day). */
    public record PeriodBands(double[] p05, double[] p25, double[] p50, double[] p75, double[] p95, double[] mean) {
    }

    /** How the run went: paths, seed, threads and the time spent. */
    public record Run(int paths, long seed, int threads, long setupNanos, long simulationNanos) {
    }

    private final ModelSpec spec;
    private final Run run;
    private final Set<Metric> metrics;
    private final double[][] dayMean;
    private final double[][] daySd;
    private final double[][][] dayQuantiles;
    private final Map<Metric, Overall> overall = new EnumMap<>(Metric.class);
    private final Map<Metric, SpreadStatistics> calibration = new EnumMap<>(Metric.class);
    private final Map<Metric, List<Seasonality.Row>> seasonality = new EnumMap<>(Metric.class);
    private final Map<Metric, FixedBinHistogram> spreads = new EnumMap<>(Metric.class);
    private final PeriodBands periodBands;
    private final List<OperationDay> operations;
    private final OperationFlows flows;

    RunSummary(SummaryLayout l, Totals totals, PathFolder folded, Run run) {
        this.spec = l.spec;
        this.run = run;
        this.metrics = l.metricSet;
        int paths = run.paths();
        int nm = l.metricCount;
        int days = l.days;
        dayMean = new double[nm][];
        daySd = new double[nm][];
        dayQuantiles = new double[nm][][];
        MomentTable all = new MomentTable(nm);
        for (Metric m : l.metrics) {
            int k = m.ordinal();
            dayMean[k] = new double[days];
            daySd[k] = new double[days];
            dayQuantiles[k] = new double[days][];
            boolean rate = SummaryLayout.isRate(m);
            QuantileSketch whole = rate ? null : new QuantileSketch(SummaryLayout.LEVEL_ACCURACY);
            FixedBinHistogram wholeBins = rate ? FixedBinHistogram.ofRates() : null;
            for (int t = 0; t < days; t++) {
                int c = l.dayCell(m, t);
                dayMean[k][t] = totals.day.mean(c);
                daySd[k][t] = totals.day.sd(c);
                dayQuantiles[k][t] = folded.quantiles(c);
                all.mergeCell(k, totals.day, c);
                if (rate) {
                    wholeBins.merge(folded.rateBins[c]);
                } else {
                    whole.merge(folded.sketches[c]);
                }
            }
            int pm = l.pathMeanCell(m);
            double mcse = paths < 2 ? Double.NaN : totals.perPath.sd(pm) / Math.sqrt(totals.perPath.count(pm));
            double floor = Double.NaN;
            double ceiling = Double.NaN;
            for (int r = 0; r < SummaryLayout.RATES.length; r++) {
                if (SummaryLayout.RATES[r] == m) {
                    long[] b = folded.bounds[r];
                    floor = b[0] / (double) b[2];
                    ceiling = b[1] / (double) b[2];
                }
            }
            overall.put(m, new Overall(all.mean(k), all.sd(k), rate ? wholeBins.quantiles() : whole.quantiles(), mcse, floor, ceiling));
        }
        double root = Math.sqrt(paths);
        for (int r = 0; r < SummaryLayout.RATES.length; r++) {
            if (!l.rateRecorded[r]) {
                continue;
            }
            Metric m = SummaryLayout.RATES[r];
            MomentTable p = totals.perPath;
            int c0 = l.spreadCell(r, 0);
            calibration.put(m, new SpreadStatistics(p.mean(c0), p.mean(c0 + 1), p.mean(c0 + 2), p.mean(c0 + 3),
                    p.sd(c0) / root, p.sd(c0 + 1) / root, p.sd(c0 + 2) / root, p.sd(c0 + 3) / root));
            List<Seasonality.Row> rows = new ArrayList<>();
            for (int w = 0; w < l.windows.size(); w++) {
                Seasonality.Window win = l.windows.get(w);
                int c = l.windowCell(r, w);
                rows.add(win.businessDays() == 0 ? new Seasonality.Row(win.name(), 0, Double.NaN, Double.NaN)
                        : new Seasonality.Row(win.name(), win.businessDays(), p.mean(c), paths > 1 ? p.sd(c) / root : Double.NaN));
            }
            seasonality.put(m, Collections.unmodifiableList(rows));
            spreads.put(m, folded.spreads[r]);
        }
        int n = l.maxToEnd + 1;
        double[][] b = new double[6][n];
        double[] levels = {0.05, 0.25, 0.5, 0.75, 0.95};
        for (int i = 0; i < n; i++) {
            // Index i = maxToEnd − (days to the end): the last day of a period is index maxToEnd.
            int toEnd = l.maxToEnd - i;
            FixedBinHistogram h = folded.periodEnd[toEnd];
            for (int j = 0; j < levels.length; j++) {
                b[j][i] = h.quantile(levels[j]);
            }
            b[5][i] = totals.perPath.mean(l.periodEndCell(toEnd));
        }
        periodBands = new PeriodBands(b[0], b[1], b[2], b[3], b[4], b[5]);
        operations = Collections.unmodifiableList(totals.operations.rows(paths));
        double[][] allotted = totals.operations.allottedBn(days);
        for (double[] a : allotted) {
            for (int t = 0; t < a.length; t++) {
                a[t] /= paths;
            }
        }
        flows = OperationFlows.of(l, (m, t) -> dayMean[m.ordinal()][t], allotted);
    }

    /** Day moments, per-path figures and operations, merged in block order. */
    static final class Totals {
        final MomentTable day;
        final MomentTable perPath;
        final OperationDays operations;

        Totals(SummaryLayout l) {
            day = new MomentTable(l.dayCells());
            perPath = new MomentTable(l.perPathCells);
            operations = new OperationDays(l.days);
        }

        void merge(SummaryBlock b) {
            day.merge(b.day);
            perPath.merge(b.perPath);
            operations.merge(b.operations);
        }
    }

    public ModelSpec spec() {
        return spec;
    }

    public int paths() {
        return run.paths();
    }

    public int days() {
        return spec.days();
    }

    public long seed() {
        return run.seed();
    }

    public int threads() {
        return run.threads();
    }

    public long setupNanos() {
        return run.setupNanos();
    }

    public long simulationNanos() {
        return run.simulationNanos();
    }

    /** The metrics this run recorded, in {@link Metric} order. */
    public Set<Metric> metrics() {
        return metrics;
    }

    private int recorded(Metric m) {
        if (!metrics.contains(m)) {
            throw new IllegalArgumentException(m.column() + " was not recorded in this run");
        }
        return m.ordinal();
    }

    /** Mean over paths on day t (NaN when no path has a value). */
    public double mean(Metric m, int t) {
        return dayMean[recorded(m)][t];
    }

    /** Sample sd over paths on day t (NaN for fewer than two values). */
    public double sd(Metric m, int t) {
        return daySd[recorded(m)][t];
    }

    /** The {@link Statistics#LEVELS} quantiles over paths on day t (a copy). */
    public double[] quantiles(Metric m, int t) {
        return dayQuantiles[recorded(m)][t].clone();
    }

    /** Over all path-days. */
    public Overall overall(Metric m) {
        recorded(m);
        return overall.get(m);
    }

    /** Calibration statistics of a rate (DR001, DR007), path by path and averaged over paths. */
    public SpreadStatistics calibration(Metric m) {
        recorded(m);
        return calibration.get(m);
    }

    /** The seasonal windows of a rate (DR001, DR007). */
    public List<Seasonality.Row> seasonality(Metric m) {
        recorded(m);
        return seasonality.get(m);
    }

    /** A rate's spread to the policy rate of the day (bp) over all path-days. */
    public FixedBinHistogram spreadHistogram(Metric m) {
        recorded(m);
        return spreads.get(m);
    }

    /** DR001 − policy by business days to the end of the maintenance period (every run, averaging or not). */
    public PeriodBands periodBands() {
        return periodBands;
    }

    /** The operations per day, instrument and tenor, in that order. */
    public List<OperationDay> operationsByDay() {
        return operations;
    }

    /** Mean stocks, net injections and maturities ahead per facility and day. */
    public OperationFlows flows() {
        return flows;
    }
}
