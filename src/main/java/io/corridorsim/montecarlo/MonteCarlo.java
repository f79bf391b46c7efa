package io.corridorsim.montecarlo;

import io.corridorsim.model.CorridorModel;
import io.corridorsim.model.Metric;
import io.corridorsim.model.ModelSpec;
import io.corridorsim.model.PathRunner;
import io.corridorsim.model.PathSink;
import io.corridorsim.model.OperationRecord;
import io.corridorsim.model.PathStreams;
import org.apache.commons.rng.JumpableUniformRandomProvider;

import org.apache.commons.rng.LongJumpableUniformRandomProvider;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs N independent paths of a model on T threads. Path p always uses stream p of
 * {@link PathSeeds}, so its numbers do not depend on the thread that runs it.
 *
 * <p>{@link #summarize} is how every command runs paths (runs and the Poole and averaging
 * experiments): workers fold each finished path into running statistics, in fixed blocks of
 * {@value #BLOCK_PATHS} consecutive paths merged in block order, so memory does not grow with
 * the paths and the outputs are the same bytes for any thread count. Nothing here keeps paths;
 * the tests' stored-path reference is their own.
 */
public final class MonteCarlo {

    /**
     * Paths per block. Moments are merged block by block in block order, so the bytes of the
     * outputs depend on this constant (and on nothing about threads).
     */
    public static final int BLOCK_PATHS = 16;

    /** How long an idle worker waits for a free block before checking whether the run failed. */
    private static final long POLL_MILLIS = 50;

    /** Paths, master seed and worker threads of one run. */
    public record Plan(int paths, long seed, int threads) {
        public Plan {
            if (paths < 1) {
                throw new IllegalArgumentException("paths must be ≥ 1, got " + paths);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
            }
        }
    }

    private MonteCarlo() {
    }

    /** The metrics a run of {@code spec} records, in {@link Metric} order (DR007 only with a 7-day segment). */
    public static java.util.Set<Metric> recordedMetrics(ModelSpec spec) {
        java.util.EnumSet<Metric> m = java.util.EnumSet.allOf(Metric.class);
        if (!spec.term().enabled()) {
            m.remove(Metric.DR007);
        }
        return java.util.Collections.unmodifiableSet(m);
    }

    /**
     * Simulates the plan's paths and folds them into a {@link RunSummary} in bounded memory.
     *
     * @param progress called with the number of paths finished so far (from worker threads)
     * @param perPath  receives every path's values in path order ({@code --daily all}), or null
     */
    public static RunSummary summarize(ModelSpec spec, Plan plan, IntConsumer progress, PathConsumer perPath) {
        long t0 = System.nanoTime();
        SummaryLayout layout = new SummaryLayout(spec);
        int paths = plan.paths();
        int blocks = (paths + BLOCK_PATHS - 1) / BLOCK_PATHS;
        int workers = Math.min(plan.threads(), blocks);
        BlockingQueue<SummaryBlock> pool = new ArrayBlockingQueue<>(2 * workers);
        for (int i = 0; i < 2 * workers; i++) {
            pool.add(new SummaryBlock(layout, BLOCK_PATHS, perPath != null));
        }
        RunSummary.Totals totals = new RunSummary.Totals(layout);
        PathFolder[] folders = new PathFolder[workers];
        LongJumpableUniformRandomProvider master = PathSeeds.master(plan.seed());
        long t1 = System.nanoTime();
        Object cursor = new Object();
        int[] nextBlock = {0};
        Map<Integer, SummaryBlock> pending = new HashMap<>();
        int[] nextMerge = {0};
        AtomicInteger done = new AtomicInteger();
        AtomicInteger workerIds = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable worker = () -> {
            PathFolder folder = new PathFolder(layout);
            // One model per worker, reset for each path instead of rebuilt.
            PathRunner runner = CorridorModel.newRunner(spec);
            folders[workerIds.getAndIncrement()] = folder;
            JumpableUniformRandomProvider[] streams = new JumpableUniformRandomProvider[BLOCK_PATHS];
            try {
                while (!failed.get()) {
                    SummaryBlock block = pool.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    if (block == null) {
                        continue;
                    }
                    int b;
                    int count;
                    // Taking a block and its paths' streams together keeps the streams in path order.
                    synchronized (cursor) {
                        b = nextBlock[0];
                        if (b >= blocks) {
                            pool.add(block);
                            return;
                        }
                        nextBlock[0] = b + 1;
                        count = Math.min(BLOCK_PATHS, paths - b * BLOCK_PATHS);
                        for (int i = 0; i < count; i++) {
                            streams[i] = master.longJump();
                        }
                    }
                    block.reset(b, b * BLOCK_PATHS, count);
                    for (int i = 0; i < count; i++) {
                        int path = block.first + i;
                        double[][] series = block.raw[i];
                        for (double[] row : series) {
                            Arrays.fill(row, 0);
                        }
                        java.util.List<OperationRecord> ops = block.pathOperations != null ? block.pathOperations[i] : null;
                        runner.run(path, PathStreams.of(streams[i]), new PathSink() {
                            @Override
                            public void record(Metric metric, int day, double value) {
                                series[metric.ordinal()][day] = value;
                            }

                            @Override
                            public void operation(OperationRecord operation) {
                                block.operations.add(path, operation);
                                if (ops != null) {
                                    ops.add(operation);
                                }
                            }
                        });
                        streams[i] = null;
                        folder.foldPath(series, block);
                        progress.accept(done.incrementAndGet());
                    }
                    folder.foldBlock(block);
                    synchronized (pending) {
                        pending.put(b, block);
                        for (SummaryBlock next = pending.remove(nextMerge[0]); next != null; next = pending.remove(nextMerge[0])) {
                            totals.merge(next);
                            if (perPath != null) {
                                for (int i = 0; i < next.count; i++) {
                                    perPath.path(next.first + i, next.raw[i], next.pathOperations[i]);
                                }
                            }
                            nextMerge[0]++;
                            pool.add(next);
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.set(true);
                throw new IllegalStateException("interrupted", e);
            } catch (RuntimeException | Error e) {
                failed.set(true);
                throw e;
            }
        };
        Workers.run(workers, "corridorsim-path", worker, () -> failed.set(true));
        long t2 = System.nanoTime();
        PathFolder merged = folders[0];
        for (int w = 1; w < workers; w++) {
            merged.merge(folders[w]);
        }
        return new RunSummary(layout, totals, merged, new RunSummary.Run(paths, plan.seed(), workers, t1 - t0, t2 - t1));
    }
}
