package io.corridorsim.sweep;

import io.corridorsim.model.ModelSpec;
import io.corridorsim.scenario.Scenario;
import io.corridorsim.scenario.ScenarioCompiler;
import io.corridorsim.scenario.ScenarioLoader;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything needed to run a sweep, resolved and validated: the base scenario as resolved YAML,
 * every point with its overrides and seed, the statistics, the design's layout. Serializable so
 * the Spark engine can ship it to executors; compiling a point needs only this plan and the
 * base scenario's folder (for calendar data).
 *
 * @param baseFile absolute path of the base scenario (its folder resolves data files)
 * @param baseYaml the base scenario as resolved (every default filled in, days applied)
 * @param parameters parameter names in column order (the dummy last, if any)
 * @param units parameter units, same order
 * @param baseline index of the baseline point, or −1
 * @param layout the design's structure, for sensitivity
 * @param fingerprint SHA-256 of what determines points.csv; resume refuses a different one
 */
public record SweepPlan(String name, String baseFile, String baseYaml, int days, int paths, long seed,
                        boolean commonRandomNumbers, List<String> parameters, List<String> units,
                        List<PointPlan> points, int baseline, List<StatisticSpec> statistics, Layout layout,
                        String fingerprint) implements Serializable {

    private static final long serialVersionUID = 1L;

    public SweepPlan {
        parameters = List.copyOf(parameters);
        units = List.copyOf(units);
        points = List.copyOf(points);
        statistics = List.copyOf(statistics);
    }

    /** The design's structure. {@code type}: grid, random, lhs, sobol, saltelli or morris. */
    public record Layout(String type, int baseSamples, int factors, boolean dummy, double morrisDelta, int[] morrisMoved,
                         int bootstrap, long designSeed) implements Serializable {
        private static final long serialVersionUID = 1L;

        public Layout {
            morrisMoved = morrisMoved == null ? new int[0] : morrisMoved.clone();
        }

        @Override
        public int[] morrisMoved() {
            return morrisMoved.clone();
        }
    }

    /** Compiles point {@code index}'s model (validated at load time, so problems here are bugs). */
    public ModelSpec compile(int index) {
        return compile(index, new ScenarioLoader());
    }

    /**
     * Compiles point {@code index} with a loader the caller keeps: a loader's mapper caches what
     * it learnt about the scenario records, which is most of a fresh loader's cost.
     */
    public ModelSpec compile(int index, ScenarioLoader loader) {
        return compile(index, loader, new ScenarioCompiler.Calendars());
    }

    /** As {@link #compile(int, ScenarioLoader)}, loading each calendar once for the whole sweep. */
    public ModelSpec compile(int index, ScenarioLoader loader, ScenarioCompiler.Calendars calendars) {
        Path file = Path.of(baseFile);
        Scenario s = loader.parse(file, baseYaml, points.get(index).overrides());
        return ScenarioCompiler.compile(s, file, calendars);
    }

    /** Bank-days of one point (paths × days × banks), for throughput. */
    public double bankDaysPerPoint(int banks) {
        return (double) paths * days * banks;
    }
}
