package io.corridorsim.montecarlo;

import io.corridorsim.model.CorridorModel;
import io.corridorsim.model.Metric;
import io.corridorsim.model.ModelSpec;
import io.corridorsim.model.OperationRecord;
import io.corridorsim.model.PathRunner;
import io.corridorsim.model.PathSink;
import io.corridorsim.model.PathStreams;
import org.apache.commons.rng.JumpableUniformRandomProvider;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Every path's daily observations, for tests: {@code values(metric)[day][path]}. Filled by
 * {@link #simulate}, path by path, each path writing only its own column, so the contents do not
 * depend on the number of threads or the order in which paths finish. Runs never keep paths
 * ({@link MonteCarlo#summarize}); this is the stored-path reference tests compare them with.
 */
public final class RunResult {

    private final ModelSpec spec;
    private final int paths;
    private final long seed;
    /** Written path-major ({@code [metric][path * days + day]}) so each path writes contiguously. */
    private final double[][] pathMajor;
    /** Per path, its central bank operations in order. */
    private final List<OperationRecord>[] operations;
    /** Read day-major ({@code [metric][day][path]}), transposed once on first read. */
    private final double[][][] dayMajor;
    private final Set<Metric> metrics;
    private long setupNanos;
    private long simulationNanos;
    private int threads;

    RunResult(ModelSpec spec, int paths, long seed) {
        this.spec = spec;
        this.paths = paths;
        this.seed = seed;
        int days = spec.days();
        Set<Metric> m = MonteCarlo.recordedMetrics(spec);
        this.metrics = m;
        @SuppressWarnings("unchecked")
        List<OperationRecord>[] ops = new List[paths];
        for (int p = 0; p < paths; p++) {
            ops[p] = new java.util.ArrayList<>();
        }
        this.operations = ops;
        this.pathMajor = new double[Metric.values().length][];
        this.dayMajor = new double[Metric.values().length][][];
        for (Metric metric : m) {
            pathMajor[metric.ordinal()] = new double[days * paths];
        }
    }

    void record(int path, Metric metric, int day, double value) {
        pathMajor[metric.ordinal()][path * spec.days() + day] = value;
    }

    /** Path p's operations in the order they were conducted (each path writes only its own list). */
    void operation(int path, OperationRecord r) {
        operations[path].add(r);
    }

    /** Path p's central bank operations, in order (operations.csv). */
    public List<OperationRecord> operations(int path) {
        return java.util.Collections.unmodifiableList(operations[path]);
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
    public synchronized double[][] values(Metric metric) {
        double[] raw = pathMajor[metric.ordinal()];
        if (raw == null) {
            throw new IllegalArgumentException(metric.column() + " was not recorded in this run");
        }
        double[][] v = dayMajor[metric.ordinal()];
        if (v == null) {
            int days = spec.days();
            v = new double[days][paths];
            for (int p = 0; p < paths; p++) {
                for (int d = 0; d < days; d++) {
                    v[d][p] = raw[p * days + d];
                }
            }
            dayMajor[metric.ordinal()] = v;
        }
        return v;
    }

    public double value(Metric metric, int day, int path) {
        double[] raw = pathMajor[metric.ordinal()];
        if (raw == null) {
            throw new IllegalArgumentException(metric.column() + " was not recorded in this run");
        }
        return raw[path * spec.days() + day];
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

    /**
     * Simulates {@code paths} paths and keeps every one (the reference the bounded-memory
     * {@link MonteCarlo#summarize} is tested against, and the tests' view of whole paths): path
     * p draws from stream p of {@link PathSeeds}, as in a run.
     *
     * @param progress called with the number of paths finished so far (from worker threads)
     */
    public static RunResult simulate(ModelSpec spec, int paths, long seed, int threads, IntConsumer progress) {
        if (paths < 1) {
            throw new IllegalArgumentException("paths must be ≥ 1, got " + paths);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        }
        long t0 = System.nanoTime();
        RunResult result = new RunResult(spec, paths, seed);
        JumpableUniformRandomProvider[] streams = PathSeeds.streams(seed, paths);
        long t1 = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        Runnable worker = () -> {
            PathRunner runner = CorridorModel.newRunner(spec);
            for (int p = next.getAndIncrement(); p < paths; p = next.getAndIncrement()) {
                final int path = p;
                runner.run(path, PathStreams.of(streams[path]), new PathSink() {
                    @Override
                    public void record(Metric metric, int day, double value) {
                        result.record(path, metric, day, value);
                    }

                    @Override
                    public void operation(OperationRecord operation) {
                        result.operation(path, operation);
                    }
                });
                streams[path] = null;
                progress.accept(done.incrementAndGet());
            }
        };
        int workers = Math.min(threads, paths);
        Workers.run(workers, "corridorsim-path", worker, () -> next.set(paths));
        long t2 = System.nanoTime();
        result.timings(t1 - t0, t2 - t1, workers);
        return result;
    }
}
