package io.corridorsim.cli;

import io.corridorsim.model.Metric;
import io.corridorsim.model.ModelSpec;
import io.corridorsim.montecarlo.MonteCarlo;
import io.corridorsim.montecarlo.RunSummary;
import io.corridorsim.report.PathTables;
import io.corridorsim.report.RunDirectory;
import io.corridorsim.scenario.Scenario;
import io.corridorsim.scenario.ScenarioCompiler;
import io.corridorsim.scenario.ScenarioLoader;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Loads a scenario, simulates its paths and writes the run directory: the body of {@code run} and {@code rerun}. */
final class Runner {

    /** Runs above this many bank-days show progress. */
    private static final double PROGRESS_THRESHOLD_BANK_DAYS = 5e6;

    /**
     * One run as asked for on the command line.
     *
     * @param model     scenario file (relative paths against the working directory)
     * @param overrides {@code key.path=value}, including {@code run.paths}, {@code run.seed}, {@code days}
     * @param out       explicit run directory, or null for {@code runs/<scenario>/<timestamp>}
     * @param args      the command line, for the manifest
     */
    record Request(Path model, List<String> overrides, Path out, boolean daily, int threads, boolean quiet, List<String> args,
                   boolean compareAveraging) {
    }

    private final Home home;
    private final PrintWriter out;
    private final PrintStream err;

    Runner(Home home, PrintWriter out, PrintStream err) {
        this.home = home;
        this.out = out;
        this.err = err;
    }

    /** Runs and returns the run directory written. */
    Path run(Request q) {
        long start = System.nanoTime();
        Instant started = Instant.now();
        if (q.out() != null) {
            // Refuse before spending the simulation time, not after.
            RunDirectory.check(q.out());
        }
        ScenarioLoader loader = new ScenarioLoader(home.dataRoots());
        Scenario scenario = loader.load(q.model(), q.overrides());
        ModelSpec spec = ScenarioCompiler.compile(scenario, q.model());
        int n = scenario.run().paths();
        long seed = scenario.run().seed();
        long setupDone = System.nanoTime();

        boolean show = !q.quiet() && (double) spec.bankDays() * n > PROGRESS_THRESHOLD_BANK_DAYS;
        Path dir;
        long simDone;
        RunSummary result;
        try (Progress progress = Progress.create(show, System.console() != null, n, err)) {
            RunOutputs outputs = new RunOutputs(home, progress);
            RunDirectory rd = outputs.open(q, scenario, started);
            try {
                MonteCarlo.Plan plan = new MonteCarlo.Plan(n, seed, q.threads());
                if (q.daily()) {
                    // The per-path tables stream into the run directory while the paths run.
                    try (PathTables tables = new PathTables(spec, MonteCarlo.recordedMetrics(spec), rd.path())) {
                        result = MonteCarlo.summarize(spec, plan, progress::simulated, tables);
                    }
                } else {
                    result = MonteCarlo.summarize(spec, plan, progress::simulated, null);
                }
                RunSummary withoutAveraging = null;
                if (q.compareAveraging() && spec.averaging().enabled()) {
                    // The same scenario and seed with averaging off: the same shocks, for averaging.png.
                    List<String> off = new java.util.ArrayList<>(q.overrides());
                    off.add("averaging.enabled=false");
                    ModelSpec offSpec = ScenarioCompiler.compile(loader.load(q.model(), off), q.model());
                    withoutAveraging = MonteCarlo.summarize(offSpec, plan, done -> { }, null);
                }
                simDone = System.nanoTime();
                RunOutputs.Timings timings = new RunOutputs.Timings(start, setupDone, simDone);
                dir = outputs.write(rd, new RunOutputs.Run(result, scenario, loader.toYaml(scenario), q, timings,
                        withoutAveraging), started);
            } catch (RuntimeException | Error e) {
                rd.abort();
                throw e;
            }
            progress.done();
        }
        if (!q.quiet()) {
            out.printf(Locale.ROOT, "%s: %d paths x %d business days x %d banks in %.2f s%n", scenario.name(), n, spec.days(),
                    spec.banks().size(), (simDone - setupDone) / 1e9);
            for (Metric m : new Metric[] {Metric.DR001, Metric.DR007}) {
                if (result.metrics().contains(m)) {
                    double[] qs = result.overall(m).quantiles();
                    out.printf(Locale.ROOT, "  %-6s median %.4f%%  (p05 %.4f, p95 %.4f)%n", m.column(), qs[3], qs[1], qs[5]);
                }
            }
        }
        out.println("written to " + dir);
        out.flush();
        return dir;
    }
}
