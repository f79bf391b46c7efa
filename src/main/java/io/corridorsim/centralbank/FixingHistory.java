package io.corridorsim.centralbank;

/**
 * The fixings the central bank has observed, in a ring buffer of fixed capacity. Written only
 * by the central bank at the close; rules read it through {@link #zScore}.
 */
public final class FixingHistory {

    private final double[] ring;
    private int count;

    public FixingHistory(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("a fixing history needs room for at least 2 fixings, got " + capacity);
        }
        ring = new double[capacity];
    }

    /** Nothing observed, as new. */
    void clear() {
        java.util.Arrays.fill(ring, 0);
        count = 0;
    }

    void add(double ratePct) {
        ring[count % ring.length] = ratePct;
        count++;
    }

    /** Fixings observed so far. */
    public int count() {
        return count;
    }

    /** The newest fixing; NaN before the first. */
    public double latest() {
        return count == 0 ? Double.NaN : ring[(count - 1) % ring.length];
    }

    /** Seed 001's standardised deviation of the newest fixing over the previous {@code window}: see {@link Reaction#zScore}. */
    public double zScore(int window) {
        return Reaction.zScore(ring, count, window);
    }
}
