package io.corridorsim.cli;

import io.corridorsim.model.Metric;
import io.corridorsim.model.ModelSpec;
import io.corridorsim.montecarlo.MonteCarlo;
import io.corridorsim.montecarlo.RunResult;
import io.corridorsim.montecarlo.Statistics;
import io.corridorsim.scenario.Scenario;
import io.corridorsim.scenario.ScenarioCompiler;
import io.corridorsim.scenario.ScenarioLoader;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;

/** {@code corridorsim run [MODEL]}: Monte Carlo paths of a scenario, written to a run directory. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a scenario's Monte Carlo paths and write a run directory (CSV, JSON, plots, manifest).")
final class RunCommand implements Callable<Integer> {

    /** The default model of the README's main command. */
    static final Path DEFAULT_MODEL = Path.of("models/pboc-2025.yaml");

    /** Runs above this many bank-days get a progress bar. */
    private static final double PROGRESS_THRESHOLD_BANK_DAYS = 5e6;

    @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL", description = "Scenario file (default: models/pboc-2025.yaml).")
    Path model = DEFAULT_MODEL;

    @Option(names = "--paths", description = "Monte Carlo paths (default: the scenario's run.paths).")
    Integer paths;

    @Option(names = "--seed", description = "Master seed (default: the scenario's run.seed).")
    Long seed;

    @Option(names = "--days", description = "Business days to simulate (overrides the scenario's days).")
    Integer days;

    @Option(names = "--out", paramLabel = "DIR", description = "Write exactly here instead of runs/<scenario>/<UTC timestamp>/.")
    Path out;

    @Mixin
    ScenarioOptions options;

    @Option(names = "--daily", paramLabel = "none|all", description = "Write daily.csv with one row per path and day (all). Default: ${DEFAULT-VALUE}.")
    String daily = "none";

    @Option(names = "--quiet", description = "No progress bar and no summary on stdout.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        if (!daily.equals("none") && !daily.equals("all")) {
            throw new UsageException("--daily expects none or all, got '" + daily + "'");
        }
        options.checkThreads();
        int threads = options.threads;
        if (paths != null && paths < 1) {
            throw new UsageException("--paths must be ≥ 1, got " + paths);
        }
        List<String> overrides = new ArrayList<>(options.sets);
        if (days != null) {
            overrides.add("days=" + days);
        }
        if (out != null) {
            // Refuse before spending the simulation time, not after.
            RunOutputs.create(out).abort();
        }
        ScenarioLoader loader = new ScenarioLoader();
        Scenario scenario = loader.load(model, overrides);
        ModelSpec modelSpec = ScenarioCompiler.compile(scenario, model);
        int n = paths != null ? paths : scenario.run().paths();
        long s = seed != null ? seed : scenario.run().seed();
        long setupDone = System.nanoTime();

        RunResult result;
        double total = (double) modelSpec.bankDays() * n;
        if (!quiet && total > PROGRESS_THRESHOLD_BANK_DAYS) {
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("paths").setInitialMax(n)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                    .build()) {
                IntConsumer progress = bar::stepTo;
                result = MonteCarlo.run(modelSpec, n, s, threads, progress);
            }
        } else {
            result = MonteCarlo.run(modelSpec, n, s, threads, done -> { });
        }
        long simDone = System.nanoTime();

        RunOutputs.Timings timings = new RunOutputs.Timings(start, setupDone, simDone);
        Path dir = RunOutputs.write(result, scenario, loader.toYaml(scenario), model, out, daily.equals("all"),
                timings, spec.commandLine().getParseResult().originalArgs());
        if (!quiet) {
            PrintWriter o = spec.commandLine().getOut();
            o.printf(Locale.ROOT, "%s: %d paths x %d business days x %d banks in %.2f s%n", scenario.name(), n, modelSpec.days(),
                    modelSpec.banks().size(), (simDone - setupDone) / 1e9);
            for (Metric m : new Metric[] {Metric.DR001, Metric.DR007}) {
                if (result.metrics().contains(m)) {
                    double[] q = Statistics.quantiles(Statistics.flatten(result.values(m)));
                    o.printf(Locale.ROOT, "  %-6s median %.4f%%  (p05 %.4f, p95 %.4f)%n", m.column(), q[3], q[1], q[5]);
                }
            }
            o.println("run directory: " + dir);
        }
        return Main.OK;
    }
}
