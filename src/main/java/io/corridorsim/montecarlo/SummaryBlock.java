package io.corridorsim.montecarlo;

import io.corridorsim.model.OperationRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * One fixed block of consecutive paths folded by one worker: moments per day and metric, the
 * per-path figures, the operations per day, and (when the caller streams per-path rows) the
 * block's raw values. Blocks are reused from a small pool, so memory does not grow with paths.
 */
final class SummaryBlock {

    int index;
    int first;
    int count;
    final MomentTable day;
    final MomentTable perPath;
    final OperationDays operations;
    /** {@code [path in block][metric ordinal][day]}: the block's paths, folded cell by cell when the block is done. */
    final double[][][] raw;
    /** Each path's operations when per-path rows are streamed, else null. */
    final List<OperationRecord>[] pathOperations;

    @SuppressWarnings("unchecked")
    SummaryBlock(SummaryLayout layout, int capacity, boolean keepOperations) {
        day = new MomentTable(layout.dayCells());
        operations = new OperationDays(layout.days);
        perPath = new MomentTable(layout.perPathCells);
        raw = new double[capacity][layout.metricCount][layout.days];
        if (keepOperations) {
            pathOperations = new List[capacity];
            for (int i = 0; i < capacity; i++) {
                pathOperations[i] = new ArrayList<>();
            }
        } else {
            pathOperations = null;
        }
    }

    void reset(int index, int first, int count) {
        this.index = index;
        this.first = first;
        this.count = count;
        day.clear();
        perPath.clear();
        operations.clear();
        if (pathOperations != null) {
            for (List<OperationRecord> l : pathOperations) {
                l.clear();
            }
        }
    }
}
