package io.corridorsim.montecarlo;

import com.datadoghq.sketch.ddsketch.mapping.CubicallyInterpolatedMapping;
import com.datadoghq.sketch.ddsketch.mapping.IndexMapping;

import java.util.Arrays;

/**
 * Quantiles of a stream of values in memory that does not grow with the stream: a DDSketch
 * (Masson, Rim and Lee 2019). Values go to logarithmic buckets named by sketches-java's index
 * mapping ({@link CubicallyInterpolatedMapping}: bucket k holds magnitudes whose relative distance
 * to its representative value is at most the accuracy); the counts are kept here in arrays that
 * grow by doubling towards the side a new bucket lies on (the library's dense store re-centres
 * its whole array at every new extreme, which was most of the cost of folding a run), plus the
 * exact minimum and maximum. No bucket is ever collapsed.
 *
 * <p><b>Error.</b> {@link #quantile(double)} returns, for the {@code p}-quantile of n values, a
 * number within {@code relative × |x|} (or {@code zeroBelow} absolute, for values that small) of
 * the order statistic {@code x} of rank ⌊p(n−1)⌋ (0-based), clamped to the exact [min, max]. The
 * exact type-7 quantile that {@link Statistics#quantiles} gives lies between that order
 * statistic and the next, so a constant series comes out exact.
 *
 * <p><b>Determinism.</b> A value goes to the bucket its own magnitude names, and a bucket is a
 * count, so sketches of the same values give the same answers whatever the order of additions
 * and merges (unlike KLL, which draws compaction coins from a random source). That is what lets
 * each worker keep its own sketches and merge them at the end in any order.
 */
final class QuantileSketch {

    /** Relative accuracy and the magnitude below which a value counts as zero, in the metric's unit. */
    record Accuracy(double relative, double zeroBelow) {
        /** The sketch's index mapping (immutable: one instance can serve every sketch of an accuracy). */
        IndexMapping mapping() {
            return new CubicallyInterpolatedMapping(relative);
        }
    }

    private final IndexMapping mapping;
    private final double zeroBelow;
    private final BucketCounts positive = new BucketCounts();
    /** Magnitudes of the negative values. */
    private final BucketCounts negative = new BucketCounts();
    private long zeros;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    /** @param mapping {@code accuracy.mapping()}, shared */
    QuantileSketch(Accuracy accuracy, IndexMapping mapping) {
        this.mapping = mapping;
        this.zeroBelow = accuracy.zeroBelow();
    }

    QuantileSketch(Accuracy accuracy) {
        this(accuracy, accuracy.mapping());
    }

    /** Adds a value; NaN and infinities are skipped (undefined fixings). */
    void add(double x) {
        if (!Double.isFinite(x)) {
            return;
        }
        if (x > zeroBelow) {
            positive.add(mapping.index(x), 1);
        } else if (x < -zeroBelow) {
            negative.add(mapping.index(-x), 1);
        } else {
            zeros++;
        }
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
        positive.merge(o.positive);
        negative.merge(o.negative);
        zeros += o.zeros;
        min = Math.min(min, o.min);
        max = Math.max(max, o.max);
    }

    boolean isEmpty() {
        return min > max;
    }

    private long count() {
        return positive.total + negative.total + zeros;
    }

    /** The p-quantile within the stated error; NaN when empty. */
    double quantile(double p) {
        return quantiles(new double[] {p})[0];
    }

    /** The {@link Statistics#LEVELS} quantiles. */
    double[] quantiles() {
        return quantiles(Statistics.LEVELS);
    }

    /** Quantiles at ascending levels, in one pass over the buckets, most negative first. */
    private double[] quantiles(double[] levels) {
        double[] q = new double[levels.length];
        if (isEmpty()) {
            Arrays.fill(q, Double.NaN);
            return q;
        }
        long n = count();
        int k = 0;
        long seen = 0;
        BucketCounts neg = negative;
        for (int i = neg.length() - 1; i >= 0 && k < q.length; i--) {
            long c = neg.count(i);
            if (c != 0) {
                seen += c;
                double v = -mapping.value(negative.offset + i);
                while (k < q.length && seen > levels[k] * (n - 1)) {
                    q[k++] = v;
                }
            }
        }
        seen += zeros;
        while (k < q.length && seen > levels[k] * (n - 1)) {
            q[k++] = 0;
        }
        BucketCounts pos = positive;
        for (int i = 0; i < pos.length() && k < q.length; i++) {
            long c = pos.count(i);
            if (c != 0) {
                seen += c;
                double v = mapping.value(positive.offset + i);
                while (k < q.length && seen > levels[k] * (n - 1)) {
                    q[k++] = v;
                }
            }
        }
        for (int j = 0; j < q.length; j++) {
            q[j] = Math.max(min, Math.min(max, j < k ? q[j] : max));
        }
        return q;
    }
}
