package io.corridorsim.model;

/** Where a path's daily observations go; the Monte Carlo runner owns the storage. */
@FunctionalInterface
public interface PathSink {
    void record(Metric metric, int day, double value);

    /** Discards everything: for benchmarks of the model alone. */
    PathSink NONE = (metric, day, value) -> { };
}
