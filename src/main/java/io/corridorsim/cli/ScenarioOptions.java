package io.corridorsim.cli;

import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** Options every command that runs a scenario shares: key overrides and the worker threads. */
final class ScenarioOptions {

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a scenario key, e.g. --set central_bank.rule=full_allotment (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--threads", description = "Worker threads (default: all cores). Results do not depend on it.")
    int threads = Runtime.getRuntime().availableProcessors();

    void checkThreads() {
        if (threads < 1) {
            throw new UsageException("--threads must be ≥ 1, got " + threads);
        }
    }
}
