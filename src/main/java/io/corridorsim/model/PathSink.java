package io.corridorsim.model;

/** Where a path's daily observations go; the Monte Carlo runner owns the storage. */
@FunctionalInterface
public interface PathSink {
    void record(Metric metric, int day, double value);

    /** One of the central bank's operations today (operations.csv); ignored unless the runner keeps them. */
    default void operation(OperationRecord operation) {
    }

    /** Discards everything: for benchmarks of the model alone. */
    PathSink NONE = (metric, day, value) -> { };
}
