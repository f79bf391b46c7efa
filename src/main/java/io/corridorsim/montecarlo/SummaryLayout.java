package io.corridorsim.montecarlo;

import io.corridorsim.calendar.Timeline;
import io.corridorsim.model.Metric;
import io.corridorsim.model.ModelSpec;

import java.util.List;
import java.util.Set;

/**
 * What a streaming run keeps and where: the recorded metrics, the calendar masks, and the cells
 * of the per-day table ({@code metric × day}) and of the per-path table (figures computed from
 * a whole path: its mean per metric, its calibration statistics, its seasonal window means, and
 * DR001's spread by business days to the end of the maintenance period).
 */
final class SummaryLayout {

    /** The rate metrics with per-path figures, in slot order. */
    static final Metric[] RATES = {Metric.DR001, Metric.DR007};
    /** Per-path calibration statistics per rate: mean, sd, sd of changes, AR(1) of the spread. */
    static final int SPREAD_STATS = 4;

    final ModelSpec spec;
    final int days;
    final int metricCount = Metric.values().length;
    /** Recorded metrics, in {@link Metric} order. */
    final Metric[] metrics;
    final Set<Metric> metricSet;
    final boolean[] rateRecorded = new boolean[RATES.length];
    final double[] policyPct;
    final double[] floorPct;
    final double[][] ceilingPct;
    final List<Seasonality.Window> windows;
    /**
     * Business days to the end of the maintenance period per day. Every run folds DR001 by it,
     * averaging or not: the averaging plot draws a run without averaging over one with it.
     */
    final int[] toEnd;
    /** Longest distance to a period's end in the run. */
    final int maxToEnd;
    private final int windowBase;
    private final int periodEndBase;
    final int perPathCells;

    SummaryLayout(ModelSpec spec) {
        this.spec = spec;
        this.days = spec.days();
        Set<Metric> m = MonteCarlo.recordedMetrics(spec);
        this.metricSet = m;
        this.metrics = m.toArray(new Metric[0]);
        for (int r = 0; r < RATES.length; r++) {
            rateRecorded[r] = m.contains(RATES[r]);
        }
        policyPct = new double[days];
        floorPct = new double[days];
        ceilingPct = new double[RATES.length][days];
        for (int t = 0; t < days; t++) {
            policyPct[t] = spec.rates().policyPct(t);
            floorPct[t] = spec.rates().floorPct(t);
            ceilingPct[0][t] = spec.rates().ceilingPct(t);
            ceilingPct[1][t] = spec.rates().ceiling7dPct(t);
        }
        Timeline tl = spec.timeline();
        windows = Seasonality.windows(tl);
        toEnd = new int[days];
        int longest = 0;
        for (int t = 0; t < days; t++) {
            toEnd[t] = tl.businessDaysToPeriodEnd(t);
            longest = Math.max(longest, toEnd[t]);
        }
        maxToEnd = longest;
        windowBase = metricCount + RATES.length * SPREAD_STATS;
        periodEndBase = windowBase + RATES.length * windows.size();
        perPathCells = periodEndBase + maxToEnd + 1;
    }

    int dayCells() {
        return metricCount * days;
    }

    int dayCell(Metric m, int t) {
        return m.ordinal() * days + t;
    }

    /** The per-path mean of a metric (for its Monte Carlo standard error). */
    int pathMeanCell(Metric m) {
        return m.ordinal();
    }

    int spreadCell(int rate, int stat) {
        return metricCount + rate * SPREAD_STATS + stat;
    }

    int windowCell(int rate, int window) {
        return windowBase + rate * windows.size() + window;
    }

    int periodEndCell(int toEndDays) {
        return periodEndBase + toEndDays;
    }

    /** The interbank rates, whose per-day quantiles come from fixed 0.1bp bins ({@link FixedBinHistogram}). */
    static boolean isRate(Metric m) {
        return m == Metric.DR001 || m == Metric.DR007;
    }

    /**
     * The levels' sketches (every metric but the rates: bn, shares, ratios, codes): within 1% of
     * the value (1000bn ± 10bn), magnitudes below 0.001 of the unit counting as zero. Memory per
     * day and metric grows with the decades a metric spans over the accuracy, so it is coarser
     * than the rates' bins, which a corridor bounds.
     */
    static final QuantileSketch.Accuracy LEVEL_ACCURACY = new QuantileSketch.Accuracy(1e-2, 1e-3);
}
