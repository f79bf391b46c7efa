package io.corridorsim.montecarlo;

import io.corridorsim.centralbank.Facility;
import io.corridorsim.model.OperationRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The central bank's operations summed per day, instrument and tenor over paths, one block of
 * paths at a time; blocks are merged in block order, so sums do not depend on the thread count.
 * Memory grows with the calendar's operations, never with the paths.
 */
final class OperationDays {

    private static final Facility[] FACILITIES = Facility.values();

    /** Running sums of one row: a day, a facility and a tenor; rows of one day and facility are chained. */
    static final class Sums {
        final int tenorDays;
        Sums next;
        int operations;
        int paths;
        int lastPath = -1;
        double amountBn;
        final WeightedMean rate = new WeightedMean();
        final WeightedMean marginal = new WeightedMean();
        double coverSum;
        int covers;

        Sums(int tenorDays, Sums next) {
            this.tenorDays = tenorDays;
            this.next = next;
        }

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

    /** {@code [day × facilities + facility]}: that day's rows of that facility, one per tenor. */
    private final Sums[] slots;

    OperationDays(int days) {
        slots = new Sums[days * FACILITIES.length];
    }

    private Sums row(int day, Facility f, int tenorDays) {
        int k = day * FACILITIES.length + f.ordinal();
        for (Sums s = slots[k]; s != null; s = s.next) {
            if (s.tenorDays == tenorDays) {
                return s;
            }
        }
        slots[k] = new Sums(tenorDays, slots[k]);
        return slots[k];
    }

    void add(int path, OperationRecord o) {
        row(o.day(), o.facility(), o.tenorDays()).add(path, o);
    }

    /** Adds a later block's sums. */
    void merge(OperationDays later) {
        for (int k = 0; k < slots.length; k++) {
            for (Sums s = later.slots[k]; s != null; s = s.next) {
                row(k / FACILITIES.length, FACILITIES[k % FACILITIES.length], s.tenorDays).merge(s);
            }
        }
    }

    void clear() {
        Arrays.fill(slots, null);
    }

    /** The rows, in day, instrument and tenor order. */
    List<RunSummary.OperationDay> rows(int paths) {
        List<RunSummary.OperationDay> out = new ArrayList<>();
        List<Sums> tenors = new ArrayList<>();
        for (int k = 0; k < slots.length; k++) {
            tenors.clear();
            for (Sums s = slots[k]; s != null; s = s.next) {
                tenors.add(s);
            }
            tenors.sort(Comparator.comparingInt(s -> s.tenorDays));
            for (Sums s : tenors) {
                out.add(new RunSummary.OperationDay(k / FACILITIES.length, FACILITIES[k % FACILITIES.length], s.tenorDays,
                        s.operations, s.paths, s.amountBn / paths, s.rate.mean(), s.marginal.mean(),
                        s.covers > 0 ? s.coverSum / s.covers : Double.NaN, s.paths / (double) paths));
            }
        }
        return out;
    }

    /** Sum over paths of what facility f allotted on each day ({@code [facility][day]}). */
    double[][] allottedBn(int days) {
        double[][] a = new double[FACILITIES.length][days];
        for (int k = 0; k < slots.length; k++) {
            for (Sums s = slots[k]; s != null; s = s.next) {
                a[k % FACILITIES.length][k / FACILITIES.length] += s.amountBn;
            }
        }
        return a;
    }
}
