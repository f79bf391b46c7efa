package io.corridorsim.cli;

import io.corridorsim.montecarlo.AveragingExperiment;
import io.corridorsim.montecarlo.PooleExperiment;
import io.corridorsim.report.Plots;
import io.corridorsim.report.RunDirectory;
import io.corridorsim.report.Table;
import io.corridorsim.report.TableWriters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code corridorsim check …}: validation experiments against theory. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Validation experiments against closed-form theory.",
        subcommands = {CheckCommand.PooleCheck.class, CheckCommand.AveragingCheck.class})
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
    @Command(name = "poole", mixinStandardHelpOptions = true,
            description = "Simulated vs closed-form Poole rate across supply levels; CSV on stdout, and with --out poole.csv, poole.png and poole.svg.")
    static final class PooleCheck implements Callable<Integer> {

        /** The columns of the check's CSV and of {@code poole.csv}. */
        static final List<String> COLUMNS = List.of("supply_gap_bn", "sum_sigma_bn", "floor_pct", "ceiling_pct", "analytic_pct",
                "simulated_pct", "se_pct", "market_pct", "market_se_pct");

        @Option(names = "--model", description = "Textbook scenario (default: the installation's models/poole.yaml).")
        Path file;

        @Option(names = "--out", paramLabel = "DIR",
                description = "Also write poole.csv, poole.png and poole.svg (the curve for teaching) into this new directory.")
        Path out;

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
            if (out != null) {
                RunDirectory.check(out); // refuse before the experiment, not after
            }
            Path model = file != null ? file : Home.locate().models("poole.yaml");
            PrintWriter stdout = spec.commandLine().getOut();
            List<PooleExperiment.Row> rows = PooleExperiment.run(model, options.sets,
                    new PooleExperiment.Settings(paths, levels, span, seed, options.threads), m -> m);
            stdout.println(String.join(",", COLUMNS));
            List<double[]> table = new ArrayList<>();
            boolean pass = true;
            for (PooleExperiment.Row r : rows) {
                pass &= r.passes();
                stdout.println(String.format(Locale.ROOT, "%.6f,%.6f,%.4f,%.4f,%.8f,%.8f,%.8f,%.8f,%.8f", r.gapBn(), r.sumSigmaBn(),
                        r.floorPct(), r.ceilingPct(), r.analyticPct(), r.simulatedPct(), r.simulatedSePct(), r.marketPct(),
                        r.marketSePct()));
                table.add(new double[] {r.gapBn(), r.sumSigmaBn(), r.floorPct(), r.ceilingPct(), r.analyticPct(), r.simulatedPct(),
                    r.simulatedSePct(), r.marketPct(), r.marketSePct()});
            }
            stdout.flush();
            if (out != null) {
                Path written = write(new Table(COLUMNS, table), model.getFileName().toString().replaceFirst("\\.ya?ml$", ""));
                stdout.println("written to " + written);
                stdout.flush();
            }
            if (!pass) {
                spec.commandLine().getErr().println("corridorsim: check poole FAILED: the SLF-share or the market's rate misses the closed form by more than max(3 se, 0.5bp) at some level");
                return Main.CHECK_FAILED;
            }
            return Main.OK;
        }

        private Path write(Table table, String name) {
            RunDirectory dir = RunDirectory.create(out);
            try {
                TableWriters.table(table, dir.path().resolve("poole.csv"));
                Plots.poole(table, new Plots.PooleTitle(name, paths), dir.path());
                return dir.commit();
            } catch (RuntimeException e) {
                dir.abort();
                throw e;
            }
        }
    }

    /**
     * The averaging oracle ({@link AveragingExperiment}): in the oracle economy, by days to the
     * period's end, the mean day-to-day change of DR001 with its standard error, the across-path
     * sd, and the mean rate against the formula's; exit 1 on a predictable change or a miss.
     */
    @Command(name = "averaging", mixinStandardHelpOptions = true,
            description = "Reserve averaging: DR001 a martingale within the maintenance period, at the formula's level; CSV on stdout.")
    static final class AveragingCheck implements Callable<Integer> {

        static final List<String> COLUMNS = List.of("excess_reserves_bn", "days_to_period_end", "mean_change_bp", "change_se_bp",
                "across_path_sd_bp", "mean_pct", "mean_se_pct", "formula_pct");

        @Option(names = "--model", description = "Oracle scenario (default: the installation's models/poole-averaging.yaml).")
        Path file;

        @Option(names = "--paths", description = "Paths per supply level (default: ${DEFAULT-VALUE}).")
        int paths = 40_000;

        @Option(names = "--levels", split = ",", paramLabel = "BN,BN,…",
                description = "Opening excess reserves of each supply level, bn (default: ${DEFAULT-VALUE}).")
        List<Double> levels = List.of(-20.0, -10.0, 0.0, 10.0, 20.0);

        @Option(names = "--seed", description = "Master seed (default: ${DEFAULT-VALUE}).")
        long seed = 1996;

        @Mixin
        ScenarioOptions options;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            options.checkThreads();
            if (paths < 2 || levels.isEmpty()) {
                throw new UsageException("check averaging needs --paths ≥ 2 and at least one level");
            }
            Path model = file != null ? file : Home.locate().models("poole-averaging.yaml");
            List<AveragingExperiment.Row> rows = AveragingExperiment.run(model, options.sets,
                    new AveragingExperiment.Settings(levels, paths, seed, options.threads));
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println(String.join(",", COLUMNS));
            boolean pass = true;
            for (AveragingExperiment.Row r : rows) {
                pass &= r.passes();
                stdout.println(String.format(Locale.ROOT, "%.1f,%d,%s,%s,%.4f,%.6f,%.6f,%.6f", r.excessReservesBn(), r.daysToPeriodEnd(),
                        bp(r.meanChangePct()), bp(r.changeSePct()), 100 * r.acrossPathSdPct(), r.meanPct(), r.meanSePct(), r.formulaPct()));
            }
            stdout.flush();
            if (!pass) {
                spec.commandLine().getErr().println("corridorsim: check averaging FAILED: a predictable change or a miss of the formula beyond max(3 se, 0.5bp)");
                return Main.CHECK_FAILED;
            }
            return Main.OK;
        }

        private static String bp(double pct) {
            return Double.isNaN(pct) ? "" : String.format(Locale.ROOT, "%.4f", 100 * pct);
        }
    }
}
