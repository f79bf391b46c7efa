package io.corridorsim.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code corridorsim rerun DIR}: runs a run directory's {@code scenario.yaml} again into a new
 * directory and compares every table byte for byte with the original.
 */
@Command(name = "rerun", mixinStandardHelpOptions = true,
        description = "Run a run directory's scenario.yaml again and check that every CSV and summary.json is byte-identical (exit 1 if not).")
final class RerunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "A run directory (holds scenario.yaml).")
    Path original;

    @Option(names = "--out", paramLabel = "DIR", description = "Write the new run exactly here (default: the installation's runs/<scenario>/<UTC timestamp>/).")
    Path out;

    @Option(names = "--threads", description = "Worker threads (default: all cores). Results do not depend on it.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--quiet", description = "No progress and no summary; only the comparison and the 'written to DIR' line.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (threads < 1) {
            throw new UsageException("--threads must be ≥ 1, got " + threads);
        }
        Path scenario = original.resolve("scenario.yaml");
        if (!Files.isRegularFile(scenario)) {
            throw new UsageException(original + " is not a run directory: it has no scenario.yaml");
        }
        boolean daily = Files.isRegularFile(original.resolve("daily.csv"));
        Runner.Request request = new Runner.Request(scenario, List.of(), out, daily, threads, quiet,
                spec.commandLine().getParseResult().originalArgs(), false);
        Path again = new Runner(Home.locate(), spec.commandLine().getOut(), System.err).run(request);
        List<String> same = new ArrayList<>();
        List<String> differ = new ArrayList<>();
        try (Stream<Path> files = Files.list(original)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".csv") && !name.equals("summary.json")) {
                    continue;
                }
                Path g = again.resolve(name);
                boolean equal = Files.isRegularFile(g) && Arrays.equals(Files.readAllBytes(f), Files.readAllBytes(g));
                (equal ? same : differ).add(name);
            }
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println("identical: " + (same.isEmpty() ? "(none)" : String.join(", ", same)));
        if (!differ.isEmpty()) {
            spec.commandLine().getErr().println("corridorsim: rerun differs from " + original + " in " + String.join(", ", differ));
            return Main.CHECK_FAILED;
        }
        return Main.OK;
    }
}
