package io.corridorsim.model;

import io.corridorsim.montecarlo.PathSeeds;
import io.corridorsim.scenario.ScenarioCompiler;
import io.corridorsim.scenario.ScenarioLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A runner reuses one model, reset for each path: every observation and every operation of every
 * path must be bit for bit those of a model built afresh for it, whatever ran on it before (other
 * paths, the same path again). Can fail: a field the reset forgets carries one path's state into
 * the next, and the second path's numbers differ.
 */
class PathRunnerTest {

    private static final ScenarioLoader LOADER = new ScenarioLoader(List.of(Path.of("models")));

    /** Each observation as (metric, day, value bits), in the order the model reported it, and each operation. */
    private static final class Recording implements PathSink {
        final List<Long> values = new ArrayList<>();
        final List<OperationRecord> operations = new ArrayList<>();

        @Override
        public void record(Metric metric, int day, double value) {
            values.add((long) metric.ordinal() << 48 | day);
            values.add(Double.doubleToRawLongBits(value));
        }

        @Override
        public void operation(OperationRecord operation) {
            operations.add(operation);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"reference.yaml", "pboc-2017.yaml", "pboc-2025.yaml", "pboc-2026-q1.yaml", "poole.yaml",
            "poole-averaging.yaml", "regimes/floor-system.yaml", "regimes/quantity-set.yaml",
            "regimes/symmetric-corridor.yaml", "regimes/full-allotment.yaml"})
    void aReusedModelGivesEveryPathTheNumbersOfAFreshOne(String file) {
        Path path = Path.of("models").resolve(file);
        ModelSpec spec = ScenarioCompiler.compile(LOADER.load(path, List.of("days=90")), path);
        PathRunner runner = CorridorModel.newRunner(spec);
        for (int p : new int[] {0, 1, 2, 1}) {
            Recording expected = new Recording();
            CorridorModel.runPath(spec, p, streams(p), expected);
            Recording actual = new Recording();
            runner.run(p, streams(p), actual);
            assertTrue(expected.values.size() > 0);
            assertEquals(expected.values.size(), actual.values.size(), file + ", path " + p + ": observations");
            for (int k = 0; k < expected.values.size(); k += 2) {
                long key = expected.values.get(k);
                if (!expected.values.get(k + 1).equals(actual.values.get(k + 1)) || key != actual.values.get(k)) {
                    fail(String.format("%s, path %d: %s on day %d is %s afresh but %s on the reused model", file, p,
                            Metric.values()[(int) (key >>> 48)], key & 0xFFFF, Double.longBitsToDouble(expected.values.get(k + 1)),
                            Double.longBitsToDouble(actual.values.get(k + 1))));
                }
            }
            assertEquals(expected.operations, actual.operations, file + ", path " + p);
        }
    }

    /** Path p's streams, made afresh (the same numbers each time). */
    private static PathStreams streams(int p) {
        return PathStreams.of(PathSeeds.streams(7, 3)[p]);
    }
}
