package io.corridorsim.cli;

import io.corridorsim.bank.BankSector;
import io.corridorsim.bank.BankProfile;
import io.corridorsim.market.Poole;
import io.corridorsim.model.Metric;
import io.corridorsim.model.ModelSpec;
import io.corridorsim.montecarlo.MonteCarlo;
import io.corridorsim.montecarlo.RunResult;
import io.corridorsim.montecarlo.Statistics;
import io.corridorsim.report.Plots;
import io.corridorsim.report.RunDirectory;
import io.corridorsim.report.Table;
import io.corridorsim.report.TableWriters;
import io.corridorsim.scenario.Scenario;
import io.corridorsim.scenario.ScenarioCompiler;
import io.corridorsim.scenario.ScenarioLoader;
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
     * The textbook Poole curve: at each supply level the central bank holds reserves exactly
     * there; banks trade to their Poole holdings and then take their shocks. The simulated rate
     * is the marginal value of reserves the simulation actually realises,
     * {@code floor + (ceiling − floor) · (share of bank-days that ended at the SLF)}, which must
     * match the closed form {@code floor + (ceiling − floor) · F(gap / Σσ)}.
     */
    @Command(name = "poole", mixinStandardHelpOptions = true,
            description = "Simulated vs closed-form Poole rate across supply levels; CSV on stdout, and with --out poole.csv, poole.png and poole.svg.")
    static final class PooleCheck implements Callable<Integer> {

        /** The columns of the check's CSV and of {@code poole.csv}. */
        static final List<String> COLUMNS = List.of("supply_gap_bn", "sum_sigma_bn", "floor_pct", "ceiling_pct", "analytic_pct",
                "simulated_pct", "se_pct");

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
            Home home = Home.locate();
            if (file == null) {
                file = home.models("poole.yaml");
            }
            PrintWriter stdout = spec.commandLine().getOut();
            ScenarioLoader loader = new ScenarioLoader(home.dataRoots());
            Scenario base = loader.load(file, options.sets);
            ModelSpec probe = ScenarioCompiler.compile(base, file);
            // An aggregate surprise of variance Σσ² makes every bank's total shock exactly N(μ_i, σ_i²).
            BankSector sector = new BankSector(probe.banks().toArray(new BankProfile[0]), probe.family());
            double sd = Math.sqrt(sector.sumSigmaSq());
            double sumSigma = sector.sumSigma();
            double sumMu = sector.sumMu();
            stdout.println(String.join(",", COLUMNS));
            List<double[]> rows = new ArrayList<>();
            boolean pass = true;
            for (int k = 0; k < levels; k++) {
                double z = span - 2 * span * k / (levels - 1);
                double gap = z * sumSigma;
                List<String> o = new ArrayList<>(options.sets);
                o.add("central_bank.rule=excess_reserve_target");
                o.add("central_bank.allow_drain=true");
                o.add("central_bank.forecast_error_sd_bn=0");
                o.add("central_bank.excess_reserve_target_bn=" + (-sumMu - gap));
                o.add("initial.excess_reserves_bn=" + (-sumMu - gap));
                o.add("autonomous.surprise_sd_bn=" + sd);
                ModelSpec model = ScenarioCompiler.compile(loader.load(file, o), file);
                RunResult r = MonteCarlo.run(model, paths, seed + k, options.threads, done -> { });
                double floor = model.rates().floorPct(0);
                double ceiling = model.rates().ceilingPct(0);
                double analytic = Poole.clearingRate(floor, ceiling, gap, sumSigma, model.family());
                double[][] share = r.values(Metric.SHORT_BANK_SHARE);
                double mean = Statistics.mean(Statistics.flatten(share));
                double se = Statistics.mcse(share);
                double simulated = floor + (ceiling - floor) * mean;
                double sePct = (ceiling - floor) * se;
                pass &= Math.abs(simulated - analytic) <= Math.max(3 * sePct, 0.005);
                stdout.println(String.format(Locale.ROOT, "%.6f,%.6f,%.4f,%.4f,%.8f,%.8f,%.8f", gap, sumSigma, floor, ceiling,
                        analytic, simulated, sePct));
                rows.add(new double[] {gap, sumSigma, floor, ceiling, analytic, simulated, sePct});
            }
            stdout.flush();
            if (out != null) {
                Path written = write(new Table(COLUMNS, rows), base.name(), paths);
                stdout.println("written to " + written);
                stdout.flush();
            }
            if (!pass) {
                spec.commandLine().getErr().println("corridorsim: check poole FAILED: a level misses the closed form by more than max(3 se, 0.5bp)");
                return Main.CHECK_FAILED;
            }
            return Main.OK;
        }

        private Path write(Table table, String name, int pathsPerLevel) {
            RunDirectory dir = RunDirectory.create(out);
            try {
                TableWriters.table(table, dir.path().resolve("poole.csv"));
                Plots.poole(table, new Plots.PooleTitle(name, pathsPerLevel), dir.path());
                return dir.commit();
            } catch (RuntimeException e) {
                dir.abort();
                throw e;
            }
        }
    }
}
