package io.corridorsim.sweep;

import io.corridorsim.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A sweep killed with SIGKILL (destroyForcibly) resumes to the same points.csv as an uninterrupted run. */
class SweepResumeTest {

    private static long committed(Path dir) throws Exception {
        Path points = dir.resolve("points");
        if (!Files.isDirectory(points)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(points)) {
            return s.filter(p -> p.getFileName().toString().matches("point-\\d{6}\\.csv")).count();
        }
    }

    @Test
    void resumeAfterKillNineGivesTheSamePointsCsv(@TempDir Path tmp) throws Exception {
        Path file = SweepTest.SWEEPS.resolve("small-grid.yaml");
        Path killed = tmp.resolve("killed");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true",
                Main.class.getName(), "sweep", file.toString(), "--out", killed.toString(), "--threads", "1", "--quiet",
                "--paths", "32")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (committed(killed) < 1 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        long before = committed(killed);
        assertTrue(before >= 1 && before < 12, "killed after " + before + " of 12 points; child log: "
                + Files.readString(tmp.resolve("child.log")));
        assertFalse(Files.exists(killed.resolve("points.csv")), "an interrupted sweep has no points.csv yet");
        // A half-written point left by a kill during a write is cleaned up on resume.
        Files.writeString(killed.resolve("points").resolve("point-000011.csv.tmp"), "path,dr007_mean\n0,1.");

        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "sweep", file.toString(),
                "--out", killed.toString(), "--resume", "--quiet", "--paths", "32");
        assertEquals(0, code, err.toString());

        Path clean = SweepTest.run(file, new SweepLoader.Overrides(32, null), tmp.resolve("clean"), new LocalEngine(2));
        assertArrayEquals(Files.readAllBytes(clean), Files.readAllBytes(killed.resolve("points.csv")));
        assertFalse(Files.exists(killed.resolve("points").resolve("point-000011.csv.tmp")));
        String manifest = Files.readString(killed.resolve("manifest.json"));
        assertTrue(manifest.contains("\"points_found_committed\" : " + before), manifest);
        assertEquals(2, List.of(manifest.split("\"engine\"")).size() - 1, "two sessions recorded");
    }

    @Test
    void resumeRefusesTheDirectoryOfAnotherSweep(@TempDir Path tmp) {
        Path dir = tmp.resolve("d");
        SweepTest.run(SweepTest.SWEEPS.resolve("one-point.yaml"), SweepLoader.Overrides.NONE, dir, new LocalEngine(1));
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "sweep",
                SweepTest.SWEEPS.resolve("one-point.yaml").toString(), "--out", dir.toString(), "--resume", "--quiet",
                "--paths", "20");
        assertEquals(2, code);
        assertTrue(err.toString().contains("holds another sweep"), err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
    }
}
