package io.corridorsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Memory flat in paths: 6,000 paths of 250 days in a 96 MB heap. Storing every path's values
 * (25 metrics × 250 days × 8 bytes, twice, as the stored-array design did) would take 600 MB
 * for these paths, so only a design that folds paths as they finish passes.
 */
class BoundedMemoryTest {

    @TempDir
    Path tmp;

    /** The CLI tests' tiny model (12 banks) over a year. */
    private static final String TINY_YEAR = CliTest.GOOD.replace("days: 30", "days: 250");

    @Test
    void sixThousandPathsOfAYearRunInANinetySixMegabyteHeap() throws Exception {
        Path model = tmp.resolve("tiny-year.yaml");
        Files.writeString(model, TINY_YEAR);
        Path out = tmp.resolve("run");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx96m", "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true",
                "-Dcorridorsim.home=" + Path.of("").toAbsolutePath(), Main.class.getName(), "run", model.toString(), "--paths", "6000",
                "--threads", "2", "--quiet", "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        assertTrue(child.waitFor(300, TimeUnit.SECONDS), "the run finished");
        assertEquals(0, child.exitValue(), Files.readString(tmp.resolve("child.log")));
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(6000, summary.get("paths").asInt());
        assertTrue(summary.get("metrics").get("dr001").get("mcse_mean").asDouble() > 0);
    }
}
