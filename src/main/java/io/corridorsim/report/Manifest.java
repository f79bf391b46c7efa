package io.corridorsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * manifest.json: the provenance of a run — tool version, git commit, JDK, command line,
 * scenario (as resolved), master seed and generator, sizes, timings and files written.
 */
public record Manifest(String version, String gitCommit, List<String> args, String scenarioName, String scenarioFile,
                       JsonNode resolvedScenario, long seed, String rngAlgorithm, int paths, int threads, int days, int banks,
                       Instant started, Instant finished, double setupSeconds, double simulationSeconds, double reportSeconds,
                       List<String> files) {

    public void write(Path file) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("tool", "corridorsim");
        root.put("version", version);
        root.put("git_commit", gitCommit);
        root.put("jdk", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.vm.name") + ")");
        root.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        root.put("cores", Runtime.getRuntime().availableProcessors());
        root.putPOJO("command_line", args);
        ObjectNode sc = root.putObject("scenario");
        sc.put("name", scenarioName);
        sc.put("file", scenarioFile);
        sc.set("resolved", resolvedScenario);
        ObjectNode rng = root.putObject("random");
        rng.put("master_seed", seed);
        rng.put("algorithm", rngAlgorithm);
        root.put("paths", paths);
        root.put("threads", threads);
        root.put("business_days", days);
        root.put("banks", banks);
        root.put("started_utc", started.toString());
        root.put("finished_utc", finished.toString());
        ObjectNode tm = root.putObject("timings_seconds");
        tm.put("setup", setupSeconds);
        tm.put("simulation", simulationSeconds);
        tm.put("reports", reportSeconds);
        tm.put("total", setupSeconds + simulationSeconds + reportSeconds);
        root.put("bank_days_per_second", simulationSeconds > 0 ? (double) banks * days * paths / simulationSeconds : 0);
        root.putPOJO("files", files);
        try {
            json.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw Csv.io(file, e);
        }
    }
}
