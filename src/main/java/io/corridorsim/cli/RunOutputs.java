package io.corridorsim.cli;

import io.corridorsim.montecarlo.RunResult;
import io.corridorsim.scenario.Scenario;

import java.nio.file.Path;
import java.util.List;

/** Writes a run directory (temporary placeholder until the report package lands). */
final class RunOutputs {

    record Timings(long startNanos, long setupDoneNanos, long simulationDoneNanos) {
    }

    private RunOutputs() {
    }

    static Path write(RunResult result, Scenario scenario, String resolvedYaml, Path model, Path out, boolean daily,
                      Timings timings, List<String> args) {
        throw new UnsupportedOperationException("run outputs not written yet");
    }
}
