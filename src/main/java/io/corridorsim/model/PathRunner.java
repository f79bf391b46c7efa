package io.corridorsim.model;

/**
 * Runs paths of one scenario on one model, reset for each path instead of built anew (one
 * {@link sim.engine.SimState}, its agents' arrays, ladder and books kept): the results are those
 * of {@link CorridorModel#runPath}, path for path. Made by {@link CorridorModel#newRunner}; one per
 * worker thread, used by one thread at a time.
 */
public final class PathRunner {

    private final ModelSpec spec;
    /** The model to reuse; null before the first path, and after a path that failed part-way. */
    private CorridorModel model;

    PathRunner(ModelSpec spec) {
        if (spec == null) {
            throw new IllegalArgumentException("a runner needs a model");
        }
        this.spec = spec;
    }

    /** Runs path {@code pathIndex} from its first to its last business day, drawing from {@code streams}, recording into {@code sink}. */
    public void run(long pathIndex, PathStreams streams, PathSink sink) {
        CorridorModel m = model;
        // A path that throws (an accounting check) leaves its model half-run: it is not reused.
        model = null;
        if (m == null) {
            m = new CorridorModel(spec, pathIndex, streams, sink);
        } else {
            m.rebind(pathIndex, streams, sink);
        }
        m.runToEnd();
        m.unbind();
        model = m;
    }
}
