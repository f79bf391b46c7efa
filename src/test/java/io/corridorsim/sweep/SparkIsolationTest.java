package io.corridorsim.sweep;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spark is a provided dependency: every command but {@code sweep --engine spark} must run without
 * it. Only classes of {@code io.corridorsim.sweep.spark} may name a Spark class in their constant
 * pool; the CLI reaches the engine by name.
 */
class SparkIsolationTest {

    @Test
    void onlyTheSparkEngineReferencesSpark() throws Exception {
        Path classes = Path.of("target/classes");
        List<String> offenders;
        List<String> engine;
        try (Stream<Path> s = Files.walk(classes)) {
            List<Path> all = s.filter(p -> p.toString().endsWith(".class")).toList();
            offenders = all.stream().filter(SparkIsolationTest::mentionsSpark)
                    .map(p -> classes.relativize(p).toString()).filter(n -> !n.startsWith("io/corridorsim/sweep/spark/")).toList();
            engine = all.stream().filter(SparkIsolationTest::mentionsSpark).map(p -> classes.relativize(p).toString())
                    .filter(n -> n.startsWith("io/corridorsim/sweep/spark/")).toList();
        }
        assertEquals(List.of(), offenders);
        assertTrue(engine.contains("io/corridorsim/sweep/spark/SparkEngine.class"), "the scan sees Spark where it is: " + engine);
        Class<?> c = Class.forName("io.corridorsim.cli.SweepCommand");
        java.lang.reflect.Field f = c.getDeclaredField("SPARK_ENGINE");
        f.setAccessible(true);
        assertTrue(SweepEngine.class.isAssignableFrom(Class.forName((String) f.get(null))));
    }

    private static boolean mentionsSpark(Path p) {
        try {
            return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).contains("org/apache/spark");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
