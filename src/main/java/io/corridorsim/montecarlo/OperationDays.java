package io.corridorsim.montecarlo;

import io.corridorsim.centralbank.Facility;
import io.corridorsim.model.OperationRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The central bank's operations summed per day, instrument and tenor over paths, one block of
 * paths at a time; blocks are merged in block order, so sums do not depend on the thread count.
 * Memory grows with the calendar's operations, never with the paths.
 */
final class OperationDays {

    /** One row of operations.csv without {@code --daily all}. */
    record Key(int day, Facility facility, int tenorDays) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparingInt(Key::day).thenComparing(Key::facility)
            .thenComparingInt(Key::tenorDays);

    /** Running sums of one row. */
    static final class Sums {
        int operations;
        int paths;
        int lastPath = -1;
        double amountBn;
        final WeightedMean rate = new WeightedMean();
        final WeightedMean marginal = new WeightedMean();
        double coverSum;
        int covers;

        void add(int path, OperationRecord o) {
            operations++;
            // A path's operations arrive together, so a new path is a change of path.
            if (path != lastPath) {
                paths++;
                lastPath = path;
            }
            amountBn += o.amountBn();
            rate.add(o.ratePct(), Math.abs(o.amountBn()));
            marginal.add(o.marginalRatePct(), Math.abs(o.amountBn()));
            double c = o.coverRatio();
            if (Double.isFinite(c)) {
                coverSum += c;
                covers++;
            }
        }

        void merge(Sums o) {
            operations += o.operations;
            paths += o.paths;
            amountBn += o.amountBn;
            rate.merge(o.rate);
            marginal.merge(o.marginal);
            coverSum += o.coverSum;
            covers += o.covers;
        }
    }

    /**
     * A weighted mean kept as deviations from the first value, so that equal rates average to
     * themselves exactly (1.5, not 1.4999999999999993). NaN without weight.
     */
    static final class WeightedMean {
        private double reference = Double.NaN;
        private double sum;
        private double weight;

        void add(double value, double w) {
            if (!Double.isFinite(value) || !(w > 0)) {
                return;
            }
            if (Double.isNaN(reference)) {
                reference = value;
            }
            sum += w * (value - reference);
            weight += w;
        }

        void merge(WeightedMean o) {
            if (!(o.weight > 0)) {
                return;
            }
            if (Double.isNaN(reference)) {
                reference = o.reference;
            }
            sum += o.sum + o.weight * (o.reference - reference);
            weight += o.weight;
        }

        double mean() {
            return weight > 0 ? reference + sum / weight : Double.NaN;
        }
    }

    private final TreeMap<Key, Sums> rows = new TreeMap<>(ORDER);

    void add(int path, OperationRecord o) {
        rows.computeIfAbsent(new Key(o.day(), o.facility(), o.tenorDays()), k -> new Sums()).add(path, o);
    }

    /** Adds a later block's sums. */
    void merge(OperationDays later) {
        for (Map.Entry<Key, Sums> e : later.rows.entrySet()) {
            rows.computeIfAbsent(e.getKey(), k -> new Sums()).merge(e.getValue());
        }
    }

    void clear() {
        rows.clear();
    }

    /** The rows, in day, instrument and tenor order. */
    List<RunSummary.OperationDay> rows(int paths) {
        List<RunSummary.OperationDay> out = new ArrayList<>(rows.size());
        for (Map.Entry<Key, Sums> e : rows.entrySet()) {
            Sums s = e.getValue();
            Key k = e.getKey();
            out.add(new RunSummary.OperationDay(k.day(), k.facility(), k.tenorDays(), s.operations, s.paths, s.amountBn / paths,
                    s.rate.mean(), s.marginal.mean(), s.covers > 0 ? s.coverSum / s.covers : Double.NaN, s.paths / (double) paths));
        }
        return out;
    }

    /** Sum over paths of what facility f allotted on each day ({@code [facility][day]}). */
    double[][] allottedBn(int days) {
        double[][] a = new double[Facility.values().length][days];
        for (Map.Entry<Key, Sums> e : rows.entrySet()) {
            a[e.getKey().facility().ordinal()][e.getKey().day()] += e.getValue().amountBn;
        }
        return a;
    }
}
