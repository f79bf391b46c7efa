package io.corridorsim.sweep;

import io.corridorsim.montecarlo.Workers;

import io.corridorsim.scenario.ScenarioCompiler;
import io.corridorsim.scenario.ScenarioLoader;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a sweep in this JVM on T threads. Work is a queue of (point, block of paths) tasks in
 * point order; a thread that finishes the last block of one point goes straight on to the next
 * point's blocks, so the CPU stays busy across point boundaries. Each point is compiled once,
 * by the first thread that reaches it, and committed by the thread that finishes its last block.
 */
public final class LocalEngine implements SweepEngine {

    private final int threads;

    public LocalEngine(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        }
        this.threads = threads;
    }

    @Override
    public String name() {
        return "local";
    }

    /** Blocks of paths per point: enough that T threads can share one point, few enough to keep tasks long. */
    static int blocks(int paths, int threads) {
        return threads == 1 ? 1 : Math.min(paths, 2 * threads);
    }

    /** Paths {@code from … to−1} of a point; {@code from == to} only compiles the point ahead of its blocks. */
    private record Task(InFlight point, int from, int to) {
    }

    /** A point being run: compiled lazily once, its blocks' results gathered by path index. */
    private static final class InFlight {
        private final SweepPlan plan;
        private final ScenarioLoader loader;
        private final ScenarioCompiler.Calendars calendars;
        private final int index;
        private double[][] values;
        private final AtomicInteger remaining;
        private PointRunner runner;
        private boolean committed;
        private long startNanos;

        InFlight(SweepPlan plan, ScenarioLoader loader, ScenarioCompiler.Calendars calendars, int index, int blocks) {
            this.plan = plan;
            this.loader = loader;
            this.calendars = calendars;
            this.index = index;
            this.values = new double[plan.paths()][];
            this.remaining = new AtomicInteger(blocks);
        }

        synchronized PointRunner runner() {
            if (runner == null && !committed) {
                startNanos = System.nanoTime();
                runner = new PointRunner(plan.compile(index, loader, calendars), plan.statistics(), plan.points().get(index).seed());
            }
            return runner;
        }
    }

    @Override
    public void run(SweepPlan plan, List<Integer> pending, PointSink sink) {
        int blocks = blocks(plan.paths(), threads);
        List<Task> tasks = new ArrayList<>();
        ScenarioLoader loader = new ScenarioLoader();
        ScenarioCompiler.Calendars calendars = new ScenarioCompiler.Calendars();
        List<InFlight> points = new ArrayList<>();
        for (int point : pending) {
            points.add(new InFlight(plan, loader, calendars, point, blocks));
        }
        for (int i = 0; i < points.size(); i++) {
            InFlight f = points.get(i);
            for (int b = 0; b < blocks; b++) {
                tasks.add(new Task(f, (int) ((long) plan.paths() * b / blocks), (int) ((long) plan.paths() * (b + 1) / blocks)));
                if (b == 0 && i + 1 < points.size() && threads > 1) {
                    // Compile the next point while the other threads run this one's blocks.
                    tasks.add(new Task(points.get(i + 1), 0, 0));
                }
            }
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < tasks.size(); i = next.getAndIncrement()) {
                Task t = tasks.get(i);
                if (t.from == t.to) {
                    t.point.runner();
                    continue;
                }
                double[][] v = t.point.runner().run(t.from, t.to);
                System.arraycopy(v, 0, t.point.values, t.from, v.length);
                if (t.point.remaining.decrementAndGet() == 0) {
                    double seconds = (System.nanoTime() - t.point.startNanos) / 1e9;
                    double bankDays = (double) t.point.runner().spec().bankDays() * plan.paths();
                    synchronized (sink) {
                        sink.finished(t.point.index, t.point.values, seconds, bankDays);
                    }
                    synchronized (t.point) {
                        t.point.runner = null;
                        t.point.values = null; // committed: the sink has its copy on disk
                        t.point.committed = true;
                    }
                }
            }
        };
        int workers = Math.min(threads, Math.max(1, tasks.size()));
        Workers.run(workers, "corridorsim-sweep", worker, () -> next.set(tasks.size()));
    }
}
