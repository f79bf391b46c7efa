package io.corridorsim.cli;

import io.corridorsim.montecarlo.PathSeeds;
import io.corridorsim.montecarlo.RunResult;
import io.corridorsim.report.Manifest;
import io.corridorsim.report.Plots;
import io.corridorsim.report.RunDirectory;
import io.corridorsim.report.SummaryJson;
import io.corridorsim.report.TableWriters;
import io.corridorsim.scenario.Scenario;
import io.corridorsim.scenario.ScenarioLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** Writes a run directory: tables, plots and manifest, into a temp dir moved into place at the end. */
final class RunOutputs {

    /** Monotonic clock readings (ns) at the start, after setup and after the simulation. */
    record Timings(long startNanos, long setupDoneNanos, long simulationDoneNanos) {
    }

    private RunOutputs() {
    }

    /** Opens the run directory; an existing non-empty destination is a usage error (exit 2). */
    static RunDirectory create(Path destination) {
        try {
            return RunDirectory.create(destination);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static Path write(RunResult result, Scenario scenario, String resolvedYaml, Path model, Path out, boolean daily,
                      Timings timings, List<String> args) {
        Instant finishedSim = Instant.now();
        Instant started = finishedSim.minusNanos(timings.simulationDoneNanos() - timings.startNanos());
        Path destination = RunDirectory.destination(Path.of("runs"), scenario.name(), started, out);
        RunDirectory dir = create(destination);
        try {
            Path d = dir.path();
            Files.writeString(d.resolve("scenario.yaml"), "# Resolved scenario of this run (every default filled in).\n"
                    + "# Source: " + model + "\n" + resolvedYaml, StandardCharsets.UTF_8);
            TableWriters.quantiles(result, d.resolve("quantiles.csv"));
            SummaryJson.write(result, d.resolve("summary.json"));
            TableWriters.liquidity(result, d.resolve("liquidity.csv"));
            TableWriters.seasonality(result, d.resolve("seasonality.csv"));
            TableWriters.calibration(result, d.resolve("calibration.csv"));
            if (daily) {
                TableWriters.daily(result, d.resolve("daily.csv"));
            }
            Plots.corridor(result, d);
            Plots.histogram(result, d);
            Plots.liquidity(result, d);
            long reportsDone = System.nanoTime();
            List<String> files;
            try (Stream<Path> s = Files.list(d)) {
                files = Stream.concat(s.map(p -> p.getFileName().toString()), Stream.of("manifest.json")).sorted().toList();
            }
            new Manifest(Main.version(), RunDirectory.gitCommit(Path.of("").toAbsolutePath()), args, scenario.name(),
                    model.toString(), new ScenarioLoader().toTree(scenario), result.seed(), PathSeeds.ALGORITHM,
                    result.paths(), result.threads(), result.days(), result.spec().banks().size(), started, Instant.now(),
                    (timings.setupDoneNanos() - timings.startNanos()) / 1e9,
                    (timings.simulationDoneNanos() - timings.setupDoneNanos()) / 1e9,
                    (reportsDone - timings.simulationDoneNanos()) / 1e9, files).write(d.resolve("manifest.json"));
            return dir.commit();
        } catch (IOException e) {
            dir.abort();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            dir.abort();
            throw e;
        }
    }
}
