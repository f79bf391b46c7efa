package io.corridorsim.cli;

import io.corridorsim.model.ModelSpec;
import io.corridorsim.montecarlo.MonteCarlo;
import io.corridorsim.montecarlo.RunSummary;
import io.corridorsim.scenario.Scenario;
import io.corridorsim.scenario.ScenarioCompiler;
import io.corridorsim.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code corridorsim bench}: whole-run throughput of the reference scenario on a warm JVM,
 * with aggregate outputs recorded (every metric, every path and day). Setup (scenario load and
 * compile) and warm-up are timed apart from the measured runs.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure bank-days per second on the reference scenario (warm JVM).")
final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL", description = "Scenario file (default: the installation's models/reference.yaml).")
    Path file;

    @Option(names = "--paths", description = "Paths per measured run (default: ${DEFAULT-VALUE}).")
    int paths = 2000;

    @Option(names = "--repeats", description = "Measured runs; the best is reported (default: ${DEFAULT-VALUE}).")
    int repeats = 5;

    @Option(names = "--warmup", description = "Warm-up runs before measuring (default: ${DEFAULT-VALUE}).")
    int warmup = 3;

    @Option(names = "--no-whole-run", description = "Skip timing one whole run with every default output written (to a "
            + "temporary directory, deleted after), as `run` makes it.")
    boolean noWholeRun;

    @Option(names = "--seed", description = "Master seed (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Mixin
    ScenarioOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        options.checkThreads();
        int threads = options.threads;
        if (paths < 1 || repeats < 1 || warmup < 0) {
            throw new UsageException("--paths and --repeats must be ≥ 1 and --warmup ≥ 0");
        }
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        Home home = Home.locate();
        if (file == null) {
            file = home.models("reference.yaml");
        }
        Scenario s = new ScenarioLoader(home.dataRoots()).load(file, options.sets);
        ModelSpec model = ScenarioCompiler.compile(s, file);
        long t1 = System.nanoTime();
        for (int w = 0; w < warmup; w++) {
            MonteCarlo.summarize(model, new MonteCarlo.Plan(paths, seed + w, threads), done -> { }, null);
        }
        long t2 = System.nanoTime();
        double bankDays = (double) model.bankDays() * paths;
        out.printf("scenario=%s banks=%d days=%d paths=%d threads=%d cores=%d jdk=%s%n", s.name(), model.banks().size(),
                model.days(), paths, threads, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        out.printf("setup_seconds=%.4f%n", (t1 - t0) / 1e9);
        out.printf("warmup_seconds=%.3f%n", (t2 - t1) / 1e9);
        if (threads > 1) {
            // The kernel on one thread too, so its scaling shows.
            double one = bestSeconds(model, 1);
            out.printf("kernel_1_thread_bank_days_per_second=%.0f%n", bankDays / one);
        }
        if (!noWholeRun) {
            out.printf("whole_run_seconds=%.3f%n", wholeRunSeconds(home, threads));
        }
        double best = bestSeconds(model, threads);
        out.printf("best_run_seconds=%.4f%n", best);
        out.printf("paths_per_second=%.0f%n", paths / best);
        out.printf("bank_days_per_second=%.0f%n", bankDays / best);
        return Main.OK;
    }

    /**
     * The simulation as {@code run} does it, without writing: paths simulated and folded into
     * the run's statistics ({@link MonteCarlo#summarize}); the best of {@code repeats} runs.
     */
    private double bestSeconds(ModelSpec model, int threads) {
        double best = Double.MAX_VALUE;
        for (int r = 0; r < repeats; r++) {
            long a = System.nanoTime();
            RunSummary result = MonteCarlo.summarize(model, new MonteCarlo.Plan(paths, seed + 1000 + r, threads), done -> { }, null);
            long b = System.nanoTime();
            if (result.paths() != paths) {
                throw new IllegalStateException("bench run lost paths");
            }
            best = Math.min(best, (b - a) / 1e9);
        }
        return best;
    }

    /**
     * The whole run as {@code corridorsim run} makes it, in this warm JVM: setup, simulation and
     * every default output written to a temporary run directory, deleted after.
     */
    private double wholeRunSeconds(Home home, int threads) {
        Path dir;
        try {
            dir = Files.createTempDirectory("corridorsim-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path out = dir.resolve("run");
        try {
            List<String> overrides = new ArrayList<>(options.sets);
            overrides.add("run.paths=" + paths);
            overrides.add("run.seed=" + seed);
            long a = System.nanoTime();
            new Runner(home, new PrintWriter(Writer.nullWriter()), new PrintStream(OutputStream.nullOutputStream()))
                    .run(new Runner.Request(file, overrides, out, false, threads, true, List.of("bench"), false));
            return (System.nanoTime() - a) / 1e9;
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) {
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
