package io.corridorsim.cli;

import io.corridorsim.montecarlo.PooleExperiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code corridorsim check …}: validation experiments against theory. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Validation experiments against closed-form theory.",
        subcommands = CheckCommand.PooleCheck.class)
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** {@code check} alone names its experiments and fails as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new UsageException("check needs an experiment, e.g. 'corridorsim check poole'");
    }

    /**
     * The textbook Poole curve ({@link PooleExperiment}): at each supply level, the SLF-share rate
     * the simulation realises ({@code simulated_pct}) and the rate the numeric call auction
     * produced ({@code market_pct}) against the closed form {@code floor + (ceiling − floor) · F(gap / Σσ)}.
     */
    @Command(name = "poole", mixinStandardHelpOptions = true, description = "Simulated vs closed-form Poole rate across supply levels; CSV on stdout.")
    static final class PooleCheck implements Callable<Integer> {

        @Option(names = "--model", description = "Textbook scenario (default: ${DEFAULT-VALUE}).")
        Path file = Path.of("models/poole.yaml");

        @Option(names = "--paths", description = "Paths per supply level (default: ${DEFAULT-VALUE}).")
        int paths = 200;

        @Option(names = "--levels", description = "Number of supply levels, at least 15 (default: ${DEFAULT-VALUE}).")
        int levels = 17;

        @Option(names = "--span", description = "Levels run from +span to −span standard deviations of the gap (default: ${DEFAULT-VALUE}).")
        double span = 3.0;

        @Option(names = "--seed", description = "Master seed (default: ${DEFAULT-VALUE}).")
        long seed = 1968;

        @Mixin
        ScenarioOptions options;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            options.checkThreads();
            if (levels < 15 || paths < 2 || !(span > 0)) {
                throw new UsageException("check poole needs --levels ≥ 15, --paths ≥ 2 and --span > 0");
            }
            PrintWriter out = spec.commandLine().getOut();
            List<PooleExperiment.Row> rows = PooleExperiment.run(file, options.sets,
                    new PooleExperiment.Settings(paths, levels, span, seed, options.threads), m -> m);
            out.println("supply_gap_bn,sum_sigma_bn,floor_pct,ceiling_pct,analytic_pct,simulated_pct,se_pct,market_pct,market_se_pct");
            boolean pass = true;
            for (PooleExperiment.Row r : rows) {
                pass &= r.passes();
                out.println(String.format(Locale.ROOT, "%.6f,%.6f,%.4f,%.4f,%.8f,%.8f,%.8f,%.8f,%.8f", r.gapBn(), r.sumSigmaBn(),
                        r.floorPct(), r.ceilingPct(), r.analyticPct(), r.simulatedPct(), r.simulatedSePct(), r.marketPct(),
                        r.marketSePct()));
            }
            out.flush();
            if (!pass) {
                spec.commandLine().getErr().println("corridorsim: check poole FAILED: the SLF-share or the market's rate misses the closed form by more than max(3 se, 0.5bp) at some level");
                return Main.CHECK_FAILED;
            }
            return Main.OK;
        }
    }
}
