package io.corridorsim.cli;

import io.corridorsim.montecarlo.PathSeeds;
import io.corridorsim.montecarlo.RunSummary;
import io.corridorsim.report.Manifest;
import io.corridorsim.report.OutputException;
import io.corridorsim.report.Plots;
import io.corridorsim.report.RunDirectory;
import io.corridorsim.report.SummaryJson;
import io.corridorsim.report.TableWriters;
import io.corridorsim.scenario.Scenario;
import io.corridorsim.scenario.ScenarioLoader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a run directory: tables, plots and manifest, into a temporary folder moved into place
 * at the end (see {@link RunDirectory}); each file is a progress stage.
 */
final class RunOutputs {

    /** Monotonic clock readings (ns) at the start, after setup and after the simulation. */
    record Timings(long startNanos, long setupDoneNanos, long simulationDoneNanos) {
    }

    /**
     * What a run directory is written from.
     *
     * @param withoutAveraging the same scenario and shocks with averaging off (for averaging.png), or null
     */
    record Run(RunSummary result, Scenario scenario, String resolvedYaml, Runner.Request request, Timings timings,
               RunSummary withoutAveraging) {
    }

    private interface Writer {
        void write(Path dir) throws IOException;
    }

    /** A file to write; {@code weight} is its rough share of the writing time (rows written), for progress. */
    private record Stage(String label, double weight, Writer writer) {
    }

    private final Home home;
    private final Progress progress;

    RunOutputs(Home home, Progress progress) {
        this.home = home;
        this.progress = progress;
    }

    private static List<Stage> stages(Run run) {
        RunSummary r = run.result();
        List<Stage> s = new ArrayList<>();
        s.add(new Stage("writing scenario.yaml", 0.1, d -> Files.writeString(d.resolve("scenario.yaml"), scenarioFile(run),
                StandardCharsets.UTF_8)));
        s.add(new Stage("writing quantiles.csv", 1, d -> TableWriters.quantiles(r, d.resolve("quantiles.csv"))));
        s.add(new Stage("writing summary.json", 1, d -> SummaryJson.write(r, d.resolve("summary.json"))));
        if (!run.request().daily()) {
            // With --daily all the per-path liquidity.csv and operations.csv were written while the paths ran.
            s.add(new Stage("writing liquidity.csv", 0.2, d -> TableWriters.liquidityByDay(r, d.resolve("liquidity.csv"))));
            s.add(new Stage("writing operations.csv", 0.5, d -> TableWriters.operationsByDay(r, d.resolve("operations.csv"))));
        }
        s.add(new Stage("writing seasonality.csv", 0.5, d -> TableWriters.seasonality(r, d.resolve("seasonality.csv"))));
        s.add(new Stage("writing calibration.csv", 0.5, d -> TableWriters.calibration(r, d.resolve("calibration.csv"))));
        s.add(new Stage("drawing corridor.png", 1, d -> Plots.corridor(r, d)));
        s.add(new Stage("drawing rate_histogram.png", 0.5, d -> Plots.histogram(r, d)));
        s.add(new Stage("drawing liquidity.png", 0.5, d -> Plots.liquidity(r, d)));
        s.add(new Stage("drawing operations.png", 0.5, d -> Plots.operations(r, d)));
        if (r.spec().averaging().enabled()) {
            s.add(new Stage("drawing averaging.png", 0.5, d -> Plots.averaging(r, run.withoutAveraging(), d)));
        }
        return s;
    }

    private static String scenarioFile(Run run) {
        return "# The scenario of this run as used: every default filled in, the seed, paths and days of the\n"
                + "# command line, the calendar folder resolved. 'corridorsim run <this file> --out DIR' or\n"
                + "# 'corridorsim rerun <this run directory>' gives the same CSV and JSON bytes.\n"
                + "# Source: " + run.request().model().toAbsolutePath().normalize() + "\n" + run.resolvedYaml();
    }

    /**
     * Opens the run directory before the simulation (the per-path tables stream into it):
     * an explicit destination, or {@code runs/<scenario>/<timestamp of started>}.
     */
    RunDirectory open(Runner.Request request, Scenario scenario, Instant started) {
        Path explicit = request.out();
        return explicit != null ? RunDirectory.create(explicit)
                : RunDirectory.createDefault(RunDirectory.defaultDestination(home.runs(), scenario.name(), started));
    }

    /** Writes the summary's files and the manifest into {@code dir} and commits it; aborts it on failure. */
    Path write(RunDirectory dir, Run run, Instant started) {
        Timings t = run.timings();
        try {
            Path d = dir.path();
            // One after another: on two threads the small run was slower (3.6 s against 2.4 s), as
            // the first plots of a JVM load and initialise Java2D, which does not run in parallel.
            List<Stage> stages = stages(run);
            double total = stages.stream().mapToDouble(Stage::weight).sum();
            double done = 0;
            for (Stage s : stages) {
                progress.stage(s.label(), done / total);
                s.writer().write(d);
                done += s.weight();
            }
            progress.stage("writing manifest.json", 1);
            long reportsDone = System.nanoTime();
            List<String> files;
            try (Stream<Path> s = Files.list(d)) {
                files = Stream.concat(s.map(p -> p.getFileName().toString()), Stream.of("manifest.json")).sorted().toList();
            }
            RunSummary r = run.result();
            new Manifest(Main.version(), RunDirectory.gitCommit(home.dir()), run.request().args(), run.scenario().name(),
                    run.request().model().toAbsolutePath().normalize().toString(), new ScenarioLoader().toTree(run.scenario()),
                    r.seed(), PathSeeds.ALGORITHM, r.paths(), r.threads(), r.days(), r.spec().banks().size(), started, Instant.now(),
                    (t.setupDoneNanos() - t.startNanos()) / 1e9, (t.simulationDoneNanos() - t.setupDoneNanos()) / 1e9,
                    (reportsDone - t.simulationDoneNanos()) / 1e9, files).write(d.resolve("manifest.json"));
            return dir.commit();
        } catch (IOException e) {
            dir.abort();
            throw new OutputException("cannot write the run directory " + dir.destination() + ": " + RunDirectory.reason(e));
        } catch (RuntimeException e) {
            dir.abort();
            throw e;
        }
    }
}
