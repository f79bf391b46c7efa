package io.corridorsim.montecarlo;

import io.corridorsim.model.CorridorModel;
import io.corridorsim.model.Metric;
import io.corridorsim.model.ModelSpec;
import io.corridorsim.model.PathSink;
import io.corridorsim.model.OperationRecord;
import io.corridorsim.model.PathStreams;
import org.apache.commons.rng.JumpableUniformRandomProvider;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs N independent paths of a model on T threads. Path p always uses stream p of
 * {@link PathSeeds} and writes only its own column of the {@link RunResult}, so results are
 * identical for any thread count.
 */
public final class MonteCarlo {

    private MonteCarlo() {
    }

    /**
     * @param progress called with the number of paths finished so far (from worker threads)
     */
    public static RunResult run(ModelSpec spec, int paths, long seed, int threads, IntConsumer progress) {
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
            for (int p = next.getAndIncrement(); p < paths; p = next.getAndIncrement()) {
                final int path = p;
                CorridorModel.runPath(spec, path, PathStreams.of(streams[path]), new PathSink() {
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
