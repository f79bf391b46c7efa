package io.corridorsim.montecarlo;

import io.corridorsim.model.Metric;
import io.corridorsim.model.ModelSpec;

import java.util.EnumSet;
import java.util.Set;

/**
 * Every path's daily observations: {@code values(metric)[day][path]}. Filled by the runner,
 * path by path, each path writing only its own column, so the contents do not depend on the
 * number of threads or the order in which paths finish.
 */
public final class RunResult {

    private final ModelSpec spec;
    private final int paths;
    private final long seed;
    private final double[][][] values;
    private final Set<Metric> metrics;
    private long setupNanos;
    private long simulationNanos;
    private int threads;

    RunResult(ModelSpec spec, int paths, long seed) {
        this.spec = spec;
        this.paths = paths;
        this.seed = seed;
        int days = spec.days();
        EnumSet<Metric> m = EnumSet.allOf(Metric.class);
        if (!spec.term().enabled()) {
            m.remove(Metric.DR007);
        }
        this.metrics = java.util.Collections.unmodifiableSet(m);
        this.values = new double[Metric.values().length][][];
        for (Metric metric : m) {
            values[metric.ordinal()] = new double[days][paths];
        }
    }

    void record(int path, Metric metric, int day, double value) {
        values[metric.ordinal()][day][path] = value;
    }

    void timings(long setupNanos, long simulationNanos, int threads) {
        this.setupNanos = setupNanos;
        this.simulationNanos = simulationNanos;
        this.threads = threads;
    }

    public ModelSpec spec() {
        return spec;
    }

    public int paths() {
        return paths;
    }

    public int days() {
        return spec.days();
    }

    public long seed() {
        return seed;
    }

    /** The metrics this run recorded, in {@link Metric} order. */
    public Set<Metric> metrics() {
        return metrics;
    }

    /** {@code [day][path]}; do not modify. */
    public double[][] values(Metric metric) {
        double[][] v = values[metric.ordinal()];
        if (v == null) {
            throw new IllegalArgumentException(metric.column() + " was not recorded in this run");
        }
        return v;
    }

    public double value(Metric metric, int day, int path) {
        return values(metric)[day][path];
    }

    public long setupNanos() {
        return setupNanos;
    }

    public long simulationNanos() {
        return simulationNanos;
    }

    public int threads() {
        return threads;
    }
}
