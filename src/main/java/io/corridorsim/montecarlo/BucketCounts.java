package io.corridorsim.montecarlo;

/**
 * Counts per integer bucket index, in one array covering the indices seen so far; it grows by
 * doubling towards the side a new index lies on, so a run of slowly widening extremes costs a
 * few copies, not one per new extreme. Counts add: the contents depend on the values counted,
 * not on their order. Shared by {@link FixedBinHistogram} and {@link QuantileSketch}.
 */
final class BucketCounts {

    /** Counts of indices {@code offset … offset + counts.length − 1}; read only by the two sketches. */
    long[] counts = new long[0];
    int offset;
    long total;

    void add(int k, long c) {
        if (counts.length == 0) {
            counts = new long[16];
            offset = k - 8;
        } else if (k < offset || k >= offset + counts.length) {
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

    void merge(BucketCounts o) {
        for (int i = 0; i < o.counts.length; i++) {
            if (o.counts[i] != 0) {
                add(o.offset + i, o.counts[i]);
            }
        }
    }
}
