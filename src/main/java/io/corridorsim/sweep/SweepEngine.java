package io.corridorsim.sweep;

import java.util.List;

/**
 * Runs points of a sweep and hands each finished point's per-path statistics to a sink. An
 * engine may run points and blocks of paths in any order on any number of workers: a point's
 * values depend only on its plan (seed, path indices), so every engine gives the same numbers.
 */
public interface SweepEngine {

    /** Where finished points go; called one point at a time. */
    interface PointSink {
        /**
         * @param values {@code [path][statistic]} for every path of the point
         * @param seconds wall time from the point's first task starting to its last finishing
         * @param bankDays banks × days × paths simulated for the point
         */
        void finished(int point, double[][] values, double seconds, double bankDays);
    }

    /** Runs {@code pending} (point indices, in the order given) and returns when all are in the sink. */
    void run(SweepPlan plan, List<Integer> pending, PointSink sink);

    /** Written into the manifest and timings.csv. */
    String name();
}
