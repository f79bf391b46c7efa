package io.corridorsim.montecarlo;

import io.corridorsim.model.OperationRecord;

import java.util.List;

/**
 * Receives each path's recorded values, one path at a time in path order, from the thread that
 * merges the blocks (the per-path tables of {@code --daily all}). The arrays are reused for the
 * next block's paths: read them, do not keep them.
 */
@FunctionalInterface
public interface PathConsumer {

    /**
     * @param values     {@code values[metric ordinal][day]}, metrics not recorded left at zero
     * @param operations the path's central bank operations, in the order conducted
     */
    void path(int path, double[][] values, List<OperationRecord> operations);
}
