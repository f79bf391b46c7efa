package io.corridorsim.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code corridorsim run [MODEL]}: Monte Carlo paths of a scenario, written to a run directory. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a scenario's Monte Carlo paths and write a run directory (CSV, JSON, plots, manifest).")
final class RunCommand implements Callable<Integer> {

    /** The default model of the README's main command, under the installation's models/. */
    static final String DEFAULT_MODEL = "pboc-2025.yaml";

    @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL",
            description = "Scenario file, relative to the working directory (default: the installation's models/pboc-2025.yaml).")
    Path model;

    @Option(names = "--paths", description = "Monte Carlo paths (default: the scenario's run.paths).")
    Integer paths;

    @Option(names = "--seed", description = "Master seed (default: the scenario's run.seed).")
    Long seed;

    @Option(names = "--days", description = "Business days to simulate (overrides the scenario's days).")
    Integer days;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write exactly here (relative to the working directory) instead of the installation's runs/<scenario>/<UTC timestamp>/.")
    Path out;

    @Mixin
    ScenarioOptions options;

    @Option(names = "--daily", paramLabel = "none|all", description = "Per-path rows (all): daily.csv, and liquidity.csv and operations.csv by path and day instead of per-day means across paths. Default: ${DEFAULT-VALUE}.")
    String daily = "none";

    @Option(names = "--quiet", description = "No progress and no summary; only the final 'written to DIR' line.")
    boolean quiet;

    @Option(names = "--compare-averaging",
            description = "Also run the scenario with averaging off (same seed, same shocks) and draw both in averaging.png.")
    boolean compareAveraging;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!daily.equals("none") && !daily.equals("all")) {
            throw new UsageException("--daily expects none or all, got '" + daily + "'");
        }
        options.checkThreads();
        if (paths != null && paths < 1) {
            throw new UsageException("--paths must be ≥ 1, got " + paths);
        }
        if (days != null && days < 1) {
            throw new UsageException("--days must be ≥ 1, got " + days);
        }
        Home home = Home.locate();
        List<String> overrides = new ArrayList<>(options.sets);
        // The scenario.yaml of the run directory records what was used, not what the file said.
        if (days != null) {
            overrides.add("days=" + days);
        }
        if (paths != null) {
            overrides.add("run.paths=" + paths);
        }
        if (seed != null) {
            overrides.add("run.seed=" + seed);
        }
        Path file = model != null ? model : home.models(DEFAULT_MODEL);
        Runner.Request request = new Runner.Request(file, overrides, out, daily.equals("all"), options.threads, quiet,
                spec.commandLine().getParseResult().originalArgs(), compareAveraging);
        new Runner(home, spec.commandLine().getOut(), System.err).run(request);
        return Main.OK;
    }
}
