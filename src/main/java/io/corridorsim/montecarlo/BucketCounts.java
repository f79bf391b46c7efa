package io.corridorsim.montecarlo;

/**
 * Counts per integer bucket index, in one array covering the indices seen so far; it grows by
 * doubling towards the side a new index lies on, so a run of slowly widening extremes costs a
 * few copies, not one per new extreme. Counts add: the contents depend on the values counted,
 * not on their order. Shared by {@link FixedBinHistogram} and {@link QuantileSketch}.
 *
 * <p>Counts are ints: a day's cell counts at most one value per path, so the thousands of cells a
 * worker keeps take half the memory (and cache) of longs. A bucket that would pass
 * {@link Integer#MAX_VALUE} (a whole run's histogram of billions of path-days) widens the whole
 * array to longs, once; the counts are the same either way.
 */
final class BucketCounts {

    /** Counts of indices {@code offset … offset + length() − 1}; null once widened. */
    private int[] counts = new int[0];
    /** The counts after widening; null before. */
    private long[] wide;
    int offset;
    long total;

    /** How many buckets the array covers. */
    int length() {
        return wide != null ? wide.length : counts.length;
    }

    /** The count of the i-th bucket of the array (index {@code offset + i}). */
    long count(int i) {
        return wide != null ? wide[i] : counts[i];
    }

    void add(int k, long c) {
        int len = length();
        if (len == 0) {
            counts = new int[16];
            offset = k - 8;
        } else if (k < offset || k >= offset + len) {
            grow(k, len);
        }
        int j = k - offset;
        if (wide == null) {
            long v = counts[j] + c;
            if (v <= Integer.MAX_VALUE) {
                counts[j] = (int) v;
                total += c;
                return;
            }
            widen();
        }
        wide[j] += c;
        total += c;
    }

    private void grow(int k, int len) {
        int lo = Math.min(offset, k);
        int hi = Math.max(offset + len, k + 1);
        int size = Math.max(hi - lo, len * 2);
        int newOffset = k < offset ? hi - size : lo;
        if (wide == null) {
            int[] grown = new int[size];
            System.arraycopy(counts, 0, grown, offset - newOffset, len);
            counts = grown;
        } else {
            long[] grown = new long[size];
            System.arraycopy(wide, 0, grown, offset - newOffset, len);
            wide = grown;
        }
        offset = newOffset;
    }

    private void widen() {
        long[] w = new long[counts.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = counts[i];
        }
        wide = w;
        counts = null;
    }

    void merge(BucketCounts o) {
        for (int i = 0; i < o.length(); i++) {
            long c = o.count(i);
            if (c != 0) {
                add(o.offset + i, c);
            }
        }
    }
}
