package io.corridorsim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.corridorsim.montecarlo.PathSeeds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Runs a sweep into its directory: the resolved sweep file, the resolved base scenario and a
 * manifest first; then each point committed atomically as it finishes ({@link PointStore});
 * then {@code points.csv}, {@code sensitivity.csv} and the plots from the committed points.
 * Resuming skips committed points, so a sweep killed at any moment ends with the same
 * {@code points.csv} as one never interrupted.
 */
public final class Sweep {

    /** Who ran it: tool version, git commit, the command line. */
    public record Provenance(String version, String commit, List<String> args) {
    }

    /** Told as points finish (from a worker thread, one point at a time). */
    public interface Listener {
        void started(int total, int alreadyDone);

        void pointDone(int done, int total, double bankDaysPerSecond);

        Listener NONE = new Listener() {
            @Override
            public void started(int total, int alreadyDone) {
            }

            @Override
            public void pointDone(int done, int total, double bankDaysPerSecond) {
            }
        };
    }

    /** One invocation: the loaded sweep, its directory, whether to resume, the engine, provenance, listener. */
    public record Job(SweepLoader.Loaded sweep, Path dir, boolean resume, SweepEngine engine, Provenance provenance,
                      Listener listener) {
    }

    /** What a session did: points run now, points found committed, wall seconds, throughput. */
    public record Outcome(Path dir, int pointsRun, int pointsSkipped, double seconds, double bankDaysPerSecond) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Sweep() {
    }

    /** Checks the directory against the request before anything is written. */
    public static void checkDirectory(Path dir, boolean resume, SweepPlan plan) {
        if (resume) {
            Path manifest = dir.resolve("manifest.json");
            if (!Files.isRegularFile(manifest)) {
                throw new SweepStateException("--resume: " + dir + " is not a sweep directory (no manifest.json)");
            }
            JsonNode m = readJson(manifest);
            if (!plan.fingerprint().equals(m.path("fingerprint").asText())) {
                throw new SweepStateException("--resume: " + dir + " holds another sweep (its fingerprint differs: the sweep file, the base scenario, --paths or --days changed)");
            }
        } else if (Files.exists(dir)) {
            boolean empty;
            try (Stream<Path> s = Files.list(dir)) {
                empty = s.findAny().isEmpty();
            } catch (IOException e) {
                throw new SweepStateException(dir + " exists and is not a readable directory");
            }
            if (!empty) {
                throw new SweepStateException(dir + " exists and is not empty; use --resume to continue the sweep in it");
            }
        }
    }

    public static Outcome run(Job job) {
        SweepPlan plan = job.sweep().plan();
        Path dir = job.dir();
        checkDirectory(dir, job.resume(), plan);
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        PointStore store = new PointStore(dir, plan);
        ObjectNode manifest;
        try {
            Files.createDirectories(dir);
            if (!job.resume()) {
                Files.writeString(dir.resolve("sweep.yaml"), "# The sweep as resolved (command-line --paths/--days applied).\n"
                        + job.sweep().resolvedYaml(), StandardCharsets.UTF_8);
                Files.writeString(dir.resolve("base-scenario.yaml"), "# The base scenario as resolved; each point applies its overrides to it.\n"
                        + "# Source: " + plan.baseFile() + "\n" + plan.baseYaml(), StandardCharsets.UTF_8);
                manifest = newManifest(job, plan);
            } else {
                manifest = (ObjectNode) readJson(dir.resolve("manifest.json"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        store.open();
        TreeSet<Integer> done = store.finished();
        List<Integer> pending = new ArrayList<>();
        for (PointPlan p : plan.points()) {
            if (!done.contains(p.index())) {
                pending.add(p.index());
            }
        }
        ObjectNode session = ((ArrayNode) manifest.get("sessions")).addObject();
        session.put("engine", job.engine().name());
        session.put("started_utc", started.toString());
        session.put("points_found_committed", done.size());
        session.put("status", "running");
        writeJson(dir.resolve("manifest.json"), manifest);

        int total = plan.points().size();
        job.listener().started(total, done.size());
        Path timings = dir.resolve("timings.csv");
        int sessionNumber = manifest.get("sessions").size();
        double[] bankDays = new double[1];
        int[] count = {done.size()};
        SweepEngine.PointSink sink = (point, values, seconds, pointBankDays) -> {
            store.commit(point, values);
            bankDays[0] += pointBankDays;
            count[0]++;
            appendTiming(timings, String.format(Locale.ROOT, "%d,%d,%s,%.6f,%.0f%n", sessionNumber, point,
                    job.engine().name(), seconds, pointBankDays / seconds));
            job.listener().pointDone(count[0], total, bankDays[0] / ((System.nanoTime() - t0) / 1e9));
        };
        job.engine().run(plan, pending, sink);
        double simSeconds = (System.nanoTime() - t0) / 1e9;

        List<List<PointEstimates.Estimate>> estimates = PointsTable.write(plan, store::read, dir.resolve("points.csv"));
        List<SensitivityTable.Row> sensitivity = SensitivityTable.compute(plan, PointsTable.values(estimates));
        if (!sensitivity.isEmpty()) {
            SensitivityTable.write(sensitivity, dir.resolve("sensitivity.csv"));
        }
        SweepPlots.write(plan, estimates, sensitivity, dir);

        double rate = bankDays[0] / simSeconds;
        session.put("finished_utc", Instant.now().toString());
        session.put("points_run", pending.size());
        session.put("simulation_seconds", simSeconds);
        session.put("bank_days_per_second", Double.isFinite(rate) ? Math.round(rate) : 0);
        session.put("status", "complete");
        manifest.put("status", "complete");
        ArrayNode files = manifest.putArray("files");
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString()).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writeJson(dir.resolve("manifest.json"), manifest);
        return new Outcome(dir, pending.size(), done.size(), simSeconds, rate);
    }

    private static ObjectNode newManifest(Job job, SweepPlan plan) {
        ObjectNode m = JSON.createObjectNode();
        m.put("tool", "corridorsim");
        m.put("version", job.provenance().version());
        m.put("git_commit", job.provenance().commit());
        m.put("jdk", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        ArrayNode args = m.putArray("command_line");
        job.provenance().args().forEach(args::add);
        m.put("sweep", plan.name());
        m.put("fingerprint", plan.fingerprint());
        m.put("base_scenario", plan.baseFile());
        m.put("design", plan.layout().type());
        m.put("points", plan.points().size());
        m.put("paths_per_point", plan.paths());
        m.put("days", plan.days());
        m.put("seed", plan.seed());
        m.put("common_random_numbers", plan.commonRandomNumbers());
        m.put("rng", PathSeeds.ALGORITHM + "; with common random numbers path p of every point is stream p of the sweep seed"
                + (plan.layout().dummy() ? ", except that the dummy coordinate picks the seed" : ""));
        m.put("baseline_point", plan.baseline());
        ArrayNode stats = m.putArray("statistics");
        plan.statistics().forEach(s -> stats.addObject().put("column", s.column()).put("label", s.label()));
        m.put("status", "running");
        m.putArray("sessions");
        return m;
    }

    private static void appendTiming(Path file, String line) {
        try {
            if (!Files.exists(file)) {
                Files.writeString(file, "session,point,engine,seconds,bank_days_per_second\n", StandardCharsets.UTF_8);
            }
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new SweepStateException(file + " is not readable JSON: " + e.getMessage());
        }
    }

    private static void writeJson(Path file, JsonNode node) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            JSON.writeValue(tmp.toFile(), node);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
