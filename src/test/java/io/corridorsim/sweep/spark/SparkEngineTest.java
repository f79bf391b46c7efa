package io.corridorsim.sweep.spark;

import io.corridorsim.sweep.LocalEngine;
import io.corridorsim.sweep.Sweep;
import io.corridorsim.sweep.SweepLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Spark engine in local mode gives the local engine's points.csv, from scratch and when resuming. */
class SparkEngineTest {

    private static final Path FILE = Path.of("src/test/resources/sweeps/small-grid.yaml");
    private static final SweepLoader.Overrides SMALL = new SweepLoader.Overrides(10, 20);

    private static void run(Path dir, boolean resume, io.corridorsim.sweep.SweepEngine engine) {
        SweepLoader.Loaded loaded = new SweepLoader().load(FILE, SMALL);
        Sweep.run(new Sweep.Job(loaded, dir, resume, engine, new Sweep.Provenance("test", "none", List.of()), Sweep.Listener.NONE));
    }

    @Test
    void sparkLocalModeEqualsTheLocalEngineAndResumes(@TempDir Path tmp) throws Exception {
        Path local = tmp.resolve("local");
        run(local, false, new LocalEngine(2));
        byte[] expected = Files.readAllBytes(local.resolve("points.csv"));

        Path spark = tmp.resolve("spark");
        run(spark, false, new SparkEngine("local[2]"));
        assertArrayEquals(expected, Files.readAllBytes(spark.resolve("points.csv")));
        assertTrue(Files.readString(spark.resolve("timings.csv")).contains(",spark,"));

        // Resume on Spark a sweep the local engine had half done (as after a kill).
        for (int p = 0; p < 12; p += 2) {
            Files.delete(local.resolve("points").resolve(String.format("point-%06d.csv", p)));
        }
        Files.delete(local.resolve("points.csv"));
        run(local, true, new SparkEngine("local[2]"));
        assertArrayEquals(expected, Files.readAllBytes(local.resolve("points.csv")));
        long sparkRows = Files.readAllLines(local.resolve("timings.csv")).stream().filter(l -> l.contains(",spark,")).count();
        assertEquals(6, sparkRows, "the resumed session ran exactly the six missing points");
    }
}
