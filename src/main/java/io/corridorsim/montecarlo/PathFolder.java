package io.corridorsim.montecarlo;

import io.corridorsim.model.Metric;

/**
 * One worker's fold of finished paths into a {@link SummaryBlock}, and the worker's own
 * order-free accumulators: a quantile sketch per day and metric, the histograms of the rates'
 * spreads to the policy rate, and the counts at the corridor's bounds. Sketches and histograms
 * are counts in fixed buckets, so merging the workers' at the end gives the same answer
 * whichever worker folded which path.
 */
final class PathFolder {

    /** A rate within this many percentage points of a bound counts as at it (1bp). */
    static final double AT_BOUND_PCT = 0.01;

    private final SummaryLayout layout;
    /** {@code [metric ordinal × days + day]}: levels' sketches; null for rates and metrics not recorded. */
    final QuantileSketch[] sketches;
    /** {@code [metric ordinal × days + day]}: the rates' (DR001, DR007) fixed 0.1bp bins; null for the rest. */
    final FixedBinHistogram[] rateBins;
    /** Per rate slot: its spread to the policy rate (bp) over all path-days; null when not recorded. */
    final FixedBinHistogram[] spreads;
    /** The p-quantiles of day-cell c, from its sketch or its bins. */
    double[] quantiles(int c) {
        return rateBins[c] != null ? rateBins[c].quantiles() : sketches[c].quantiles();
    }

    /** DR001's spread (bp) by business days to the period's end; empty without averaging. */
    final FixedBinHistogram[] periodEnd;
    /** Per rate slot: path-days at the floor, at the ceiling, and all path-days. */
    final long[][] bounds;
    private final double[] scratchSpread;
    /** One cell's values across the block's paths. */
    private final double[] column = new double[MonteCarlo.BLOCK_PATHS];
    private final double[] scratchChange;

    PathFolder(SummaryLayout layout) {
        this.layout = layout;
        int days = layout.days;
        sketches = new QuantileSketch[layout.dayCells()];
        rateBins = new FixedBinHistogram[layout.dayCells()];
        com.datadoghq.sketch.ddsketch.mapping.IndexMapping levelMapping = SummaryLayout.LEVEL_ACCURACY.mapping();
        for (Metric m : layout.metrics) {
            boolean rate = SummaryLayout.isRate(m);
            for (int t = 0; t < days; t++) {
                int c = layout.dayCell(m, t);
                if (rate) {
                    rateBins[c] = FixedBinHistogram.ofRates();
                } else {
                    sketches[c] = new QuantileSketch(SummaryLayout.LEVEL_ACCURACY, levelMapping);
                }
            }
        }
        spreads = new FixedBinHistogram[SummaryLayout.RATES.length];
        for (int r = 0; r < spreads.length; r++) {
            spreads[r] = layout.rateRecorded[r] ? FixedBinHistogram.ofSpreads() : null;
        }
        periodEnd = new FixedBinHistogram[layout.maxToEnd + 1];
        for (int k = 0; k < periodEnd.length; k++) {
            periodEnd[k] = FixedBinHistogram.ofSpreads();
        }
        bounds = new long[SummaryLayout.RATES.length][3];
        scratchSpread = new double[days];
        scratchChange = new double[Math.max(0, days - 1)];
    }

    /**
     * Folds the block's paths into its per-day moments and this worker's sketches, cell by cell
     * (each cell's structures are touched once per block, not once per path: they do not fit
     * in cache, and the raw block does).
     */
    void foldBlock(SummaryBlock block) {
        SummaryLayout l = layout;
        int days = l.days;
        MomentTable day = block.day;
        double[][][] raw = block.raw;
        int n = block.count;
        double[] column = this.column;
        for (Metric m : l.metrics) {
            int k = m.ordinal();
            int base = l.dayCell(m, 0);
            boolean rate = SummaryLayout.isRate(m);
            for (int t = 0; t < days; t++) {
                for (int i = 0; i < n; i++) {
                    column[i] = raw[i][k][t];
                }
                day.set(base + t, column, n);
                if (rate) {
                    FixedBinHistogram bins = rateBins[base + t];
                    for (int i = 0; i < n; i++) {
                        bins.add(column[i]);
                    }
                } else {
                    QuantileSketch sketch = sketches[base + t];
                    for (int i = 0; i < n; i++) {
                        sketch.add(column[i]);
                    }
                }
            }
        }
    }

    /** Folds one finished path's figures ({@code series[metric ordinal][day]}) into the block, after the block's earlier paths. */
    void foldPath(double[][] series, SummaryBlock block) {
        SummaryLayout l = layout;
        int days = l.days;
        MomentTable perPath = block.perPath;
        for (Metric m : l.metrics) {
            double[] s = series[m.ordinal()];
            double sum = 0;
            int defined = 0;
            for (int t = 0; t < days; t++) {
                double x = s[t];
                if (x == x) {
                    sum += x;
                    defined++;
                }
            }
            perPath.add(l.pathMeanCell(m), defined == 0 ? Double.NaN : sum / defined);
        }
        double[] policy = l.policyPct;
        for (int r = 0; r < SummaryLayout.RATES.length; r++) {
            if (!l.rateRecorded[r]) {
                continue;
            }
            double[] s = series[SummaryLayout.RATES[r].ordinal()];
            SpreadStatistics st = SpreadStatistics.ofSeries(s, policy, scratchSpread, scratchChange);
            perPath.add(l.spreadCell(r, 0), st.meanBp());
            perPath.add(l.spreadCell(r, 1), st.sdBp());
            perPath.add(l.spreadCell(r, 2), st.sdChangeBp());
            perPath.add(l.spreadCell(r, 3), st.ar1());
            for (int w = 0; w < l.windows.size(); w++) {
                perPath.add(l.windowCell(r, w), Seasonality.pathMeanBp(l.windows.get(w), s, policy));
            }
            long[] b = bounds[r];
            double[] ceiling = l.ceilingPct[r];
            FixedBinHistogram h = spreads[r];
            for (int t = 0; t < days; t++) {
                double x = s[t];
                b[2]++;
                if (x <= l.floorPct[t] + AT_BOUND_PCT) {
                    b[0]++;
                }
                if (x >= ceiling[t] - AT_BOUND_PCT) {
                    b[1]++;
                }
                // Rounded to 1e-6bp so that the same spread under two policy rates is one value.
                h.add(Math.rint((x - policy[t]) * 100 * 1e6) / 1e6);
            }
        }
        double[] dr001 = series[Metric.DR001.ordinal()];
        for (int t = 0; t < days; t++) {
            double v = 100 * (dr001[t] - policy[t]);
            int k = l.toEnd[t];
            perPath.add(l.periodEndCell(k), v);
            periodEnd[k].add(v);
        }
    }

    /** Adds another worker's order-free accumulators into this one's. */
    void merge(PathFolder o) {
        for (int c = 0; c < sketches.length; c++) {
            if (sketches[c] != null) {
                sketches[c].merge(o.sketches[c]);
            }
            if (rateBins[c] != null) {
                rateBins[c].merge(o.rateBins[c]);
            }
        }
        for (int r = 0; r < spreads.length; r++) {
            if (spreads[r] != null) {
                spreads[r].merge(o.spreads[r]);
            }
            for (int k = 0; k < 3; k++) {
                bounds[r][k] += o.bounds[r][k];
            }
        }
        for (int k = 0; k < periodEnd.length; k++) {
            periodEnd[k].merge(o.periodEnd[k]);
        }
    }
}
