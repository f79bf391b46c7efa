package io.corridorsim.sweep;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A sweep file ({@code models/sweeps/*.yaml}) as written: a base scenario, the parameters by
 * key path, the design, Monte Carlo settings and the statistics to keep. Every record checks
 * itself; the loader turns failures into one line with the file, key path and line.
 *
 * @param base scenario file, relative to the sweep file's folder
 * @param days business days per path (default: the base scenario's)
 * @param paths Monte Carlo paths per point
 * @param seed master seed; path p of every point uses stream p of this seed (common random numbers)
 * @param commonRandomNumbers true (default): the same path seeds at every point
 * @param set scenario key path → value fixed at every point (applied to the base, like {@code run --set})
 * @param baseline parameter name → value of the point paired differences are taken against
 */
public record SweepFile(String name, String description, String base, Map<String, JsonNode> set, Integer days,
                        Integer paths, Long seed,
                        Boolean commonRandomNumbers, Design design, List<Parameter> parameters,
                        Map<String, JsonNode> baseline, List<MetricStatistics> metrics) {

    public SweepFile {
        name = nonBlank(name, "name");
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw new SweepValueException("name", "expected letters, digits, '.', '_' or '-' (it names the sweep directory), got '" + name + "'");
        }
        description = description == null ? "" : description;
        base = nonBlank(base, "base");
        set = set == null ? Map.of() : new LinkedHashMap<>(set);
        if (days != null && days < 1) {
            throw new SweepValueException("days", "expected a whole number ≥ 1, got " + days);
        }
        if (paths == null) {
            throw new SweepValueException("paths", "missing required key; expected the Monte Carlo paths per point");
        }
        if (paths < 2) {
            throw new SweepValueException("paths", "expected at least 2 paths per point (standard errors need two), got " + paths);
        }
        if (seed == null) {
            throw new SweepValueException("seed", "missing required key; expected the master seed (seeds are data, never the clock)");
        }
        commonRandomNumbers = commonRandomNumbers == null || commonRandomNumbers;
        if (design == null) {
            throw new SweepValueException("design", "missing required key; expected a mapping with type: grid|random|lhs|sobol|saltelli|morris");
        }
        if (parameters == null || parameters.isEmpty()) {
            throw new SweepValueException("parameters", "expected at least one parameter");
        }
        parameters = List.copyOf(parameters);
        Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < parameters.size(); i++) {
            String n = parameters.get(i).label();
            if (!names.add(n)) {
                throw new SweepValueException("parameters[" + i + "]", "parameter '" + n + "' appears twice");
            }
            if (n.equals("dummy")) {
                throw new SweepValueException("parameters[" + i + "]", "'dummy' is reserved for the noise-floor parameter of saltelli and morris designs");
            }
            if (!design.type().equals("grid") && parameters.get(i).range() != null && parameters.get(i).range().steps() != null) {
                throw new SweepValueException("parameters[" + i + "].range.steps", "steps is for grid designs; a " + design.type() + " design draws values across the range");
            }
            if (design.type().equals("grid") && parameters.get(i).range() != null && parameters.get(i).range().steps() == null) {
                throw new SweepValueException("parameters[" + i + "].range", "a grid design needs steps (how many values from min to max)");
            }
        }
        baseline = baseline == null ? Map.of() : new LinkedHashMap<>(baseline);
        for (String k : baseline.keySet()) {
            if (!names.contains(k)) {
                throw new SweepValueException("baseline." + k, "not a parameter of this sweep; expected one of " + new java.util.TreeSet<>(names));
            }
        }
        if (metrics == null || metrics.isEmpty()) {
            throw new SweepValueException("metrics", "expected at least one metric with its statistics, e.g. {metric: dr007, statistics: [mean, sd]}");
        }
        metrics = List.copyOf(metrics);
    }

    private static String nonBlank(String v, String key) {
        if (v == null || v.isBlank()) {
            throw new SweepValueException(key, "missing required key; expected a text value");
        }
        return v;
    }

    /**
     * How points are placed. {@code points}: random, lhs and sobol designs' point count; for
     * saltelli the base sample N (points = N·(k+2), k counting the dummy). {@code trajectories}
     * and {@code levels}: Morris. {@code seed}: random draws of the design and the bootstrap.
     * {@code dummy}: saltelli and morris add a parameter that only changes the paths' seeds, whose
     * index is the Monte Carlo noise floor (default true). {@code bootstrap}: resamples for intervals.
     */
    public record Design(String type, Integer points, Integer trajectories, Integer levels, Long seed, Boolean dummy,
                         Integer bootstrap) {
        static final Set<String> TYPES = Set.of("grid", "random", "lhs", "sobol", "saltelli", "morris");

        public Design {
            if (type == null) {
                throw new SweepValueException("type", "missing required key; expected one of " + new java.util.TreeSet<>(TYPES));
            }
            if (!TYPES.contains(type)) {
                throw new SweepValueException("type", "expected one of " + new java.util.TreeSet<>(TYPES) + ", got '" + type + "'");
            }
            boolean counted = Set.of("random", "lhs", "sobol", "saltelli").contains(type);
            if (counted && points == null) {
                throw new SweepValueException("points", "a " + type + " design needs points (how many)");
            }
            if (points != null && (!counted || points < 2)) {
                throw new SweepValueException("points", counted ? "expected at least 2 points, got " + points
                        : "points is for random, lhs, sobol and saltelli designs");
            }
            if (type.equals("morris")) {
                trajectories = trajectories == null ? 10 : trajectories;
                levels = levels == null ? 4 : levels;
                if (trajectories < 2) {
                    throw new SweepValueException("trajectories", "expected at least 2 trajectories, got " + trajectories);
                }
                if (levels < 2 || levels % 2 != 0) {
                    throw new SweepValueException("levels", "expected an even number of levels ≥ 2, got " + levels);
                }
            } else if (trajectories != null || levels != null) {
                throw new SweepValueException(trajectories != null ? "trajectories" : "levels", "trajectories and levels are for morris designs");
            }
            seed = seed == null ? 1L : seed;
            boolean screening = type.equals("saltelli") || type.equals("morris");
            if (dummy != null && dummy && !screening) {
                throw new SweepValueException("dummy", "the noise-floor dummy is for saltelli and morris designs");
            }
            dummy = screening && (dummy == null || dummy);
            bootstrap = bootstrap == null ? 500 : bootstrap;
            if (bootstrap < 10) {
                throw new SweepValueException("bootstrap", "expected at least 10 resamples, got " + bootstrap);
            }
        }
    }

    /**
     * One swept factor. Either {@code key} (a scenario key path such as {@code corridor.floor_pct}
     * or {@code events[2].date}) set directly to each value, or {@code name} with {@code sets}:
     * several numeric keys moved together, key = at + per_unit · value (a corridor width moving
     * floor and ceiling symmetrically). Values come from {@code values} (any YAML values, e.g.
     * rules or weekday lists) or a numeric {@code range}; {@code integer} rounds range values.
     * {@code unit} labels plots and is free text.
     */
    public record Parameter(String key, String name, List<JsonNode> values, Range range, Map<String, Linear> sets,
                            Boolean integer, String unit) {
        public Parameter {
            if ((key == null) == (name == null)) {
                throw new SweepValueException("", "expected exactly one of key (a scenario key path) or name (with sets)");
            }
            if (name != null && (sets == null || sets.isEmpty())) {
                throw new SweepValueException("sets", "a named parameter needs sets: {key.path: {at: A, per_unit: B}, …}");
            }
            if (key != null && sets != null) {
                throw new SweepValueException("sets", "sets is for named parameters; a key parameter sets its own key");
            }
            if ((values == null) == (range == null)) {
                throw new SweepValueException("", "expected exactly one of values (a list) or range ({min, max})");
            }
            if (values != null) {
                if (values.isEmpty()) {
                    throw new SweepValueException("values", "the list of values is empty; expected at least one value");
                }
                values = List.copyOf(values);
                if (sets != null) {
                    for (int i = 0; i < values.size(); i++) {
                        if (!values.get(i).isNumber()) {
                            throw new SweepValueException("values[" + i + "]", "a parameter with sets takes numbers, got " + values.get(i));
                        }
                    }
                }
            }
            integer = integer != null && integer;
            unit = unit == null ? "" : unit;
            sets = sets == null ? null : new LinkedHashMap<>(sets);
        }

        /** The column and plot name: the key path or the name. */
        public String label() {
            return key != null ? key : name;
        }
    }

    /** A numeric range; {@code steps}: how many evenly spaced values a grid takes (both ends included). */
    public record Range(Double min, Double max, Integer steps) {
        public Range {
            if (min == null || max == null || !Double.isFinite(min) || !Double.isFinite(max)) {
                throw new SweepValueException(min == null || !Double.isFinite(min) ? "min" : "max", "expected a finite number");
            }
            if (!(min < max)) {
                throw new SweepValueException("", "the range is empty: min (" + min + ") must be below max (" + max + ")");
            }
            if (steps != null && steps < 2) {
                throw new SweepValueException("steps", "expected at least 2 steps (min and max), got " + steps);
            }
        }
    }

    /** key = at + per_unit · parameter value. */
    public record Linear(Double at, Double perUnit) {
        public Linear {
            if (at == null || perUnit == null || !Double.isFinite(at) || !Double.isFinite(perUnit)) {
                throw new SweepValueException(at == null || !Double.isFinite(at) ? "at" : "per_unit", "expected a finite number");
            }
        }
    }

    /** A metric and the statistics kept of it (see {@link StatisticSpec}). */
    public record MetricStatistics(String metric, List<String> statistics) {
        static final Pattern NAME = Pattern.compile("[a-z0-9_]+");

        public MetricStatistics {
            if (metric == null) {
                throw new SweepValueException("metric", "missing required key; expected a metric such as dr007");
            }
            if (statistics == null || statistics.isEmpty()) {
                throw new SweepValueException("statistics", "expected at least one of mean, sd, sd_change, ar1, pNN, beyond_Xbp");
            }
            statistics = List.copyOf(statistics);
        }
    }
}
