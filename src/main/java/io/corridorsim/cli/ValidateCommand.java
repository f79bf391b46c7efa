package io.corridorsim.cli;

import io.corridorsim.model.ModelSpec;
import io.corridorsim.scenario.Scenario;
import io.corridorsim.scenario.ScenarioCompiler;
import io.corridorsim.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code corridorsim validate FILE}: loads and compiles a scenario, reports the first problem. */
@Command(name = "validate", description = "Check a scenario file: syntax, keys, types, values and calendar coverage.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "Scenario file (YAML).")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a key, e.g. central_bank.rule=full_allotment.")
    List<String> sets = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Scenario s = new ScenarioLoader().load(file, sets);
        ModelSpec m = ScenarioCompiler.compile(s, file);
        spec.commandLine().getOut().printf("%s: ok (scenario %s, %d banks, %d business days %s to %s)%n", file, s.name(),
                m.banks().size(), m.days(), m.timeline().date(0), m.timeline().date(m.days() - 1));
        return Main.OK;
    }
}
