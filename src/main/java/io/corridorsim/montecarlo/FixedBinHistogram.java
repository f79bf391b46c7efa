package io.corridorsim.montecarlo;

import java.util.Arrays;

/**
 * Counts of values in fixed bins of width w = 1/{@code binsPerUnit}, bin k holding [k·w, (k+1)·w):
 * spreads in bp ({@link #SPREAD_BINS_PER_BP}, 0.1bp bins) and rates in percent
 * ({@link #RATE_BINS_PER_PCT}, 0.001% = 0.1bp bins; rates are bounded by the corridor, so a
 * day's bins span at most the corridor's width). The bins cover whatever range the values take
 * (the array grows); counts add, so histograms of the same values are equal whatever the order
 * of additions and merges. Quantiles are the centre of the bin holding the order statistic of
 * rank ⌊p(n−1)⌋, clamped to the exact [min, max]: within half a bin (0.05bp) of that order statistic.
 */
public final class FixedBinHistogram {

    /** Bin width, bp (spreads in bp, rates in percent alike; the plots' 1bp bins are ten of these). */
    public static final double BIN_BP = 0.1;
    /** Bins per bp for spreads. */
    static final double SPREAD_BINS_PER_BP = 10;
    /** Bins per percentage point for rates: 0.1bp bins. */
    static final double RATE_BINS_PER_PCT = 1000;

    private final BucketCounts buckets = new BucketCounts();
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    /** Bins per unit: a whole number, multiplied (not divided by a width) so that 0.3bp lands in bin 3. */
    private final double binsPerUnit;

    FixedBinHistogram(double binsPerUnit) {
        this.binsPerUnit = binsPerUnit;
    }

    /** A histogram of spreads in bp, 0.1bp bins. */
    static FixedBinHistogram ofSpreads() {
        return new FixedBinHistogram(SPREAD_BINS_PER_BP);
    }

    /** A histogram of rates in percent, 0.1bp bins. */
    static FixedBinHistogram ofRates() {
        return new FixedBinHistogram(RATE_BINS_PER_PCT);
    }

    private int bin(double x) {
        return (int) Math.floor(x * binsPerUnit);
    }

    /** Adds a value; NaN is skipped. */
    void add(double bp) {
        if (!Double.isFinite(bp)) {
            return;
        }
        buckets.add(bin(bp), 1);
        if (bp < min) {
            min = bp;
        }
        if (bp > max) {
            max = bp;
        }
    }

    void merge(FixedBinHistogram o) {
        buckets.merge(o.buckets);
        min = Math.min(min, o.min);
        max = Math.max(max, o.max);
    }

    /** How many values were added. */
    public long count() {
        return buckets.total;
    }

    /** Exact smallest value; NaN when empty. */
    public double min() {
        return buckets.total == 0 ? Double.NaN : min;
    }

    /** Exact largest value; NaN when empty. */
    public double max() {
        return buckets.total == 0 ? Double.NaN : max;
    }

    /**
     * Values in [{@code from}, {@code from + width}) for each of {@code bins} consecutive bins,
     * the first and last also taking everything below and above. Exact when {@code from} and
     * {@code width} are multiples of {@value #BIN_BP}.
     */
    public long[] counts(double from, double width, int bins) {
        long[] out = new long[bins];
        for (int i = 0; i < buckets.length(); i++) {
            long c = buckets.count(i);
            if (c == 0) {
                continue;
            }
            double centre = (buckets.offset + i + 0.5) / binsPerUnit;
            int b = (int) Math.floor((centre - from) / width);
            out[Math.min(bins - 1, Math.max(0, b))] += c;
        }
        return out;
    }

    /** The {@link Statistics#LEVELS} quantiles, in one pass. */
    double[] quantiles() {
        return quantiles(Statistics.LEVELS);
    }

    /** Quantiles at ascending levels, in one pass over the bins. */
    private double[] quantiles(double[] levels) {
        double[] q = new double[levels.length];
        if (buckets.total == 0) {
            Arrays.fill(q, Double.NaN);
            return q;
        }
        int k = 0;
        long seen = 0;
        for (int i = 0; i < buckets.length() && k < q.length; i++) {
            seen += buckets.count(i);
            double centre = (buckets.offset + i + 0.5) / binsPerUnit;
            while (k < q.length && seen > levels[k] * (buckets.total - 1)) {
                q[k++] = Math.max(min, Math.min(max, centre));
            }
        }
        return q;
    }

    /** The p-quantile within half a bin; NaN when empty. */
    public double quantile(double p) {
        return quantiles(new double[] {p})[0];
    }
}
