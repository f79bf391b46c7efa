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

    private long[] counts = new long[0];
    private int offset;
    private long total;
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
        addCount(bin(bp), 1);
        if (bp < min) {
            min = bp;
        }
        if (bp > max) {
            max = bp;
        }
    }

    private void addCount(int k, long c) {
        if (counts.length == 0) {
            counts = new long[64];
            offset = k - 32;
        }
        if (k < offset || k >= offset + counts.length) {
            int lo = Math.min(offset, k);
            int hi = Math.max(offset + counts.length, k + 1);
            int len = Math.max(hi - lo, counts.length * 2);
            int newOffset = k < offset ? hi - len : lo;
            long[] grown = new long[len];
            System.arraycopy(counts, 0, grown, offset - newOffset, counts.length);
            counts = grown;
            offset = newOffset;
        }
        counts[k - offset] += c;
        total += c;
    }

    void merge(FixedBinHistogram o) {
        for (int i = 0; i < o.counts.length; i++) {
            if (o.counts[i] != 0) {
                addCount(o.offset + i, o.counts[i]);
            }
        }
        min = Math.min(min, o.min);
        max = Math.max(max, o.max);
    }

    /** How many values were added. */
    public long count() {
        return total;
    }

    /** Exact smallest value; NaN when empty. */
    public double min() {
        return total == 0 ? Double.NaN : min;
    }

    /** Exact largest value; NaN when empty. */
    public double max() {
        return total == 0 ? Double.NaN : max;
    }

    /**
     * Values in [{@code from}, {@code from + width}) for each of {@code bins} consecutive bins,
     * the first and last also taking everything below and above. Exact when {@code from} and
     * {@code width} are multiples of {@value #BIN_BP}.
     */
    public long[] counts(double from, double width, int bins) {
        long[] out = new long[bins];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                continue;
            }
            double centre = (offset + i + 0.5) / binsPerUnit;
            int b = (int) Math.floor((centre - from) / width);
            out[Math.min(bins - 1, Math.max(0, b))] += counts[i];
        }
        return out;
    }

    /** The {@link Statistics#LEVELS} quantiles, in one pass: the same numbers as {@link #quantile(double)}. */
    double[] quantiles() {
        double[] levels = Statistics.LEVELS;
        double[] q = new double[levels.length];
        if (total == 0) {
            Arrays.fill(q, Double.NaN);
            return q;
        }
        int k = 0;
        long seen = 0;
        for (int i = 0; i < counts.length && k < q.length; i++) {
            seen += counts[i];
            double centre = (offset + i + 0.5) / binsPerUnit;
            while (k < q.length && seen > levels[k] * (total - 1)) {
                q[k++] = Math.max(min, Math.min(max, centre));
            }
        }
        return q;
    }

    /** The p-quantile within half a bin; NaN when empty. */
    public double quantile(double p) {
        if (total == 0) {
            return Double.NaN;
        }
        double rank = p * (total - 1);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen > rank) {
                double centre = (offset + i + 0.5) / binsPerUnit;
                return Math.max(min, Math.min(max, centre));
            }
        }
        return max;
    }

    @Override
    public String toString() {
        return "FixedBinHistogram[n=" + total + ", bins=" + Arrays.stream(counts).filter(c -> c > 0).count() + "]";
    }
}
