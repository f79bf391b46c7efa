package io.corridorsim.montecarlo;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.mapping.CubicallyInterpolatedMapping;
import com.datadoghq.sketch.ddsketch.mapping.IndexMapping;
import com.datadoghq.sketch.ddsketch.store.Store;
import com.datadoghq.sketch.ddsketch.store.UnboundedSizeDenseStore;

/**
 * Quantiles of a stream of values in memory that does not grow with the stream: a DDSketch
 * (Masson, Rim and Lee 2019) with unbounded dense stores (no bucket is ever collapsed), plus the
 * exact minimum and maximum.
 *
 * <p><b>Error.</b> {@link #quantile(double)} returns, for the {@code p}-quantile of n values, a
 * number within {@code relativeAccuracy × |x|} (or {@code zeroBelow} absolute, for values that
 * small) of the order statistic {@code x} of rank ⌊p(n−1)⌋ (0-based), clamped to the exact
 * [min, max]. The exact type-7 quantile that {@link Statistics#quantiles} gives lies between
 * that order statistic and the next, so a constant series comes out exact.
 *
 * <p><b>Determinism.</b> A value goes to the bucket its own magnitude names, and a bucket is a
 * count, so sketches of the same values give the same answers whatever the order of additions
 * and merges (unlike KLL, which draws compaction coins from a random source). That is what lets
 * each worker keep its own sketches and merge them at the end in any order.
 */
final class QuantileSketch {

    /** Relative accuracy and the magnitude below which a value counts as zero, in the metric's unit. */
    record Accuracy(double relative, double zeroBelow) {
        /** The sketch's index mapping (one instance per accuracy, shared by every sketch of it). */
        IndexMapping mapping() {
            return new CubicallyInterpolatedMapping(relative);
        }
    }

    private final DDSketch sketch;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    /**
     * @param mapping {@code accuracy.mapping()}, shared: the mapping is immutable
     */
    QuantileSketch(Accuracy accuracy, IndexMapping mapping) {
        this.sketch = new DDSketch(mapping, UnboundedSizeDenseStore::new, UnboundedSizeDenseStore::new, accuracy.zeroBelow());
    }

    QuantileSketch(Accuracy accuracy) {
        this(accuracy, accuracy.mapping());
    }

    /** Adds a value; NaN and infinities are skipped (undefined fixings). */
    void add(double x) {
        if (!Double.isFinite(x)) {
            return;
        }
        sketch.accept(x);
        if (x < min) {
            min = x;
        }
        if (x > max) {
            max = x;
        }
    }

    void merge(QuantileSketch o) {
        if (o.isEmpty()) {
            return;
        }
        sketch.mergeWith(o.sketch);
        min = Math.min(min, o.min);
        max = Math.max(max, o.max);
    }

    boolean isEmpty() {
        return min > max;
    }

    /** The p-quantile within the stated error; NaN when empty. */
    double quantile(double p) {
        if (isEmpty()) {
            return Double.NaN;
        }
        double q = sketch.getValueAtQuantile(p);
        return Math.max(min, Math.min(max, q));
    }

    /**
     * The {@link Statistics#LEVELS} quantiles (ascending levels), in one pass over the buckets:
     * the same numbers as {@link #quantile(double)} level by level.
     */
    double[] quantiles() {
        double[] levels = Statistics.LEVELS;
        double[] q = new double[levels.length];
        if (isEmpty()) {
            java.util.Arrays.fill(q, Double.NaN);
            return q;
        }
        Store neg = sketch.getNegativeValueStore();
        Store pos = sketch.getPositiveValueStore();
        double count = sketch.getCount();
        double[] rank = new double[levels.length];
        for (int k = 0; k < levels.length; k++) {
            rank[k] = levels[k] * (count - 1);
        }
        Walk w = new Walk(rank, q);
        // Most negative first: the negative store holds |x|, so walk it from its highest index down.
        if (!neg.isEmpty()) {
            java.util.List<double[]> bins = new java.util.ArrayList<>();
            neg.forEach((index, c) -> bins.add(new double[] {index, c}));
            for (int i = bins.size() - 1; i >= 0; i--) {
                w.bin(-sketch.getIndexMapping().value((int) bins.get(i)[0]), bins.get(i)[1]);
            }
        }
        w.bin(0, count - neg.getTotalCount() - pos.getTotalCount());
        pos.forEach((index, c) -> w.bin(sketch.getIndexMapping().value(index), c));
        for (int k = 0; k < q.length; k++) {
            q[k] = Math.max(min, Math.min(max, w.k > k ? q[k] : max));
        }
        return q;
    }

    /** Cumulative counts against the ranks still to be found. */
    private static final class Walk {
        final double[] rank;
        final double[] out;
        int k;
        double seen;

        Walk(double[] rank, double[] out) {
            this.rank = rank;
            this.out = out;
        }

        void bin(double value, double c) {
            if (c <= 0) {
                return;
            }
            seen += c;
            while (k < rank.length && seen > rank[k]) {
                out[k++] = value;
            }
        }
    }
}
