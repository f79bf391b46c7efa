package io.corridorsim.cli;

import io.corridorsim.bank.BankProfile;
import io.corridorsim.bank.BankSector;
import io.corridorsim.model.ModelSpec;
import io.corridorsim.scenario.Scenario;
import io.corridorsim.scenario.ScenarioCompiler;
import io.corridorsim.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code corridorsim validate FILE}: loads and compiles a scenario, reports the first problem. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check a scenario file: syntax, keys, types, values and calendar coverage.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "Scenario file (YAML).")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a key, e.g. central_bank.rule=full_allotment.")
    List<String> sets = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Scenario s = new ScenarioLoader(Home.locate().dataRoots()).load(file, sets);
        ModelSpec m = ScenarioCompiler.compile(s, file);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s: ok (scenario %s, %d banks, %d business days %s to %s)%n", file, s.name(),
                m.banks().size(), m.days(), m.timeline().date(0), m.timeline().date(m.days() - 1));
        // Calibration aids: the sizes that set the Poole curve on the first day.
        BankSector b = new BankSector(m.banks().toArray(new BankProfile[0]), m.family());
        b.resetRequirements(m.flows().depositFactor(0));
        double sd = m.flows().surpriseSdBn(0);
        b.setAggregateVariance(sd * sd);
        b.prepareDemand(new io.corridorsim.bank.DemandDay(m.rates().floorPct(0), m.rates().ceilingPct(0), 0, null));
        double neutral = b.totalBn(m.rates().policyPct(0)) - b.totalRequired();
        long dealers = m.banks().stream().filter(BankProfile::dealer).count();
        out.printf(Locale.ROOT, "  deposits %.0f bn, required reserves %.0f bn, dealers %d, sum of shock sd %.0f bn%n",
                b.totalDeposits(), b.totalRequired(), dealers, b.sumDemandScale());
        out.printf(Locale.ROOT, "  excess reserves that put DR001 at the policy rate on day one: %.0f bn (%.2f%% of deposits)%n",
                neutral, 100 * neutral / b.totalDeposits());
        return Main.OK;
    }
}
