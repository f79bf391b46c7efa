package io.corridorsim.sweep;

import io.corridorsim.scenario.YamlLocations;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.corridorsim.model.Metric;
import io.corridorsim.model.ModelSpec;
import io.corridorsim.scenario.Scenario;
import io.corridorsim.scenario.ScenarioCompiler;
import io.corridorsim.scenario.ScenarioException;
import io.corridorsim.scenario.ScenarioLoader;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads sweep files as strictly as scenarios: YAML syntax, unknown keys, wrong types, empty
 * ranges, key paths that do not exist in the base scenario (as resolved, defaults filled in)
 * and points whose scenario does not validate all become a {@link ScenarioException} naming the
 * file, the key path and the line (exit code 2 in the CLI). Then lays out the design.
 */
public final class SweepLoader {

    /** Command-line overrides of the sweep file: null keeps the file's value. */
    public record Overrides(Integer paths, Integer days) {
        public static final Overrides NONE = new Overrides(null, null);
    }

    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z0-9_]+)((?:\\[\\d+\\])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)\\]");
    private static final MathContext DIGITS = new MathContext(12);

    private final ObjectMapper mapper;

    public SweepLoader() {
        YAMLFactory factory = YAMLFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build();
        mapper = YAMLMapper.builder(factory)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }

    /** The sweep file with the command line's overrides applied, as YAML (for the sweep directory). */
    public String toYaml(SweepFile f) {
        try {
            return mapper.writeValueAsString(f);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise sweep " + f.name(), e);
        }
    }

    /** Reads, validates and lays out {@code file}. */
    public Loaded load(Path file, Overrides overrides) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(file, "", 0, "cannot read the sweep file (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
        Map<String, Integer> lines = new HashMap<>();
        SweepFile parsed = parse(file, text, lines);
        SweepFile f = new SweepFile(parsed.name(), parsed.description(), parsed.base(), parsed.set(),
                overrides.days() != null ? overrides.days() : parsed.days(),
                overrides.paths() != null ? overrides.paths() : parsed.paths(), parsed.seed(),
                parsed.commonRandomNumbers(), parsed.design(), parsed.parameters(), parsed.baseline(), parsed.metrics());
        return new Loaded(f, plan(file, f, lines), toYaml(f));
    }

    /** A loaded sweep: the file as resolved, its plan and the resolved YAML. */
    public record Loaded(SweepFile file, SweepPlan plan, String resolvedYaml) {
    }

    private SweepFile parse(Path file, String text, Map<String, Integer> lines) {
        JsonNode tree;
        try {
            scanLines(text, lines);
            tree = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String message = e.getOriginalMessage().lines().findFirst().orElse("malformed YAML");
            throw new ScenarioException(file, "", loc == null ? 0 : loc.getLineNr(), "YAML syntax error: " + message);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new ScenarioException(file, "", 0, "the file is empty; expected a YAML mapping of sweep keys");
        }
        if (!tree.isObject()) {
            throw new ScenarioException(file, "", 1, "expected a YAML mapping of sweep keys at the top level");
        }
        try {
            return mapper.treeToValue(tree, SweepFile.class);
        } catch (JsonProcessingException e) {
            String path = e instanceof JsonMappingException jme ? YamlLocations.keyPath(jme.getPath()) : "";
            String problem;
            if (e instanceof UnrecognizedPropertyException u) {
                TreeSet<String> known = new TreeSet<>();
                if (u.getKnownPropertyIds() != null) {
                    u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
                }
                problem = "unknown key '" + u.getPropertyName() + "'; expected one of " + known;
            } else if (e instanceof ValueInstantiationException v && v.getCause() instanceof SweepValueException sve) {
                path = sve.key().isEmpty() ? path : path.isEmpty() ? sve.key() : path + "." + sve.key();
                problem = sve.getMessage();
            } else if (e instanceof InvalidFormatException ife) {
                problem = "expected " + YamlLocations.describe(ife.getTargetType()) + ", got '" + ife.getValue() + "'";
            } else if (e instanceof MismatchedInputException m) {
                problem = "expected " + YamlLocations.describe(m.getTargetType());
            } else {
                problem = e.getOriginalMessage().lines().findFirst().orElse("invalid value");
            }
            throw new ScenarioException(file, path, YamlLocations.lineOf(lines, path), problem);
        }
    }

    private SweepPlan plan(Path file, SweepFile f, Map<String, Integer> lines) {
        Path baseFile = file.toAbsolutePath().getParent().resolve(f.base()).normalize();
        if (!Files.isRegularFile(baseFile)) {
            throw new ScenarioException(file, "base", YamlLocations.lineOf(lines, "base"), "the base scenario " + baseFile + " does not exist");
        }
        ScenarioLoader scenarios = new ScenarioLoader();
        List<String> baseOverrides = new ArrayList<>();
        if (f.days() != null) {
            baseOverrides.add("days=" + f.days());
        }
        JsonNode unset = scenarios.toTree(scenarios.load(baseFile, baseOverrides));
        for (Map.Entry<String, JsonNode> e : f.set().entrySet()) {
            String missing = missing(unset, e.getKey());
            if (missing != null) {
                String where = "set." + e.getKey();
                throw new ScenarioException(file, where, YamlLocations.lineOf(lines, where),
                        "'" + e.getKey() + "' is not a key of the base scenario " + f.base() + " (defaults filled in): " + missing);
            }
            baseOverrides.add(e.getKey() + "=" + e.getValue().toString());
        }
        Scenario base;
        try {
            base = scenarios.load(baseFile, baseOverrides);
        } catch (ScenarioException e) {
            throw new ScenarioException(file, "set", YamlLocations.lineOf(lines, "set"), "the fixed settings make the base scenario invalid: "
                    + (e.keyPath().isEmpty() ? "" : e.keyPath() + ": ") + e.problem().replace(" (set on the command line with --set)", ""));
        }
        ModelSpec baseSpec = ScenarioCompiler.compile(base, baseFile);
        String baseYaml = scenarios.toYaml(base);
        JsonNode resolved = scenarios.toTree(base);

        List<SweepFile.Parameter> params = f.parameters();
        for (int i = 0; i < params.size(); i++) {
            SweepFile.Parameter p = params.get(i);
            List<String> keys = p.key() != null ? List.of(p.key()) : new ArrayList<>(p.sets().keySet());
            for (String key : keys) {
                String where = "parameters[" + i + "]." + (p.key() != null ? "key" : "sets." + key);
                String missing = missing(resolved, key);
                if (missing != null) {
                    throw new ScenarioException(file, where, YamlLocations.lineOf(lines, where),
                            "'" + key + "' is not a key of the base scenario " + f.base() + " (defaults filled in): " + missing);
                }
            }
        }
        List<StatisticSpec> stats = statistics(file, f, lines, baseSpec);

        SweepFile.Design d = f.design();
        int k = params.size();
        int cols = k + (d.dummy() ? 1 : 0);
        double[][] unit;
        SweepPlan.Layout layout;
        switch (d.type()) {
            case "grid" -> {
                int[] levels = new int[k];
                for (int j = 0; j < k; j++) {
                    levels[j] = params.get(j).values() != null ? params.get(j).values().size() : params.get(j).range().steps();
                }
                int[][] idx = Designs.grid(levels);
                unit = new double[idx.length][k];
                for (int i = 0; i < idx.length; i++) {
                    for (int j = 0; j < k; j++) {
                        unit[i][j] = params.get(j).values() != null ? (idx[i][j] + 0.5) / levels[j]
                                : idx[i][j] / (double) (levels[j] - 1);
                    }
                }
                layout = new SweepPlan.Layout("grid", 0, k, false, Double.NaN, null, d.bootstrap(), d.seed());
            }
            case "random" -> {
                unit = Designs.random(d.points(), k, d.seed());
                layout = new SweepPlan.Layout("random", 0, k, false, Double.NaN, null, d.bootstrap(), d.seed());
            }
            case "lhs" -> {
                unit = Designs.latinHypercube(d.points(), k, d.seed());
                layout = new SweepPlan.Layout("lhs", 0, k, false, Double.NaN, null, d.bootstrap(), d.seed());
            }
            case "sobol" -> {
                unit = Designs.sobol(d.points(), k);
                layout = new SweepPlan.Layout("sobol", 0, k, false, Double.NaN, null, d.bootstrap(), d.seed());
            }
            case "saltelli" -> {
                unit = Designs.saltelli(d.points(), cols);
                layout = new SweepPlan.Layout("saltelli", d.points(), cols, d.dummy(), Double.NaN, null, d.bootstrap(), d.seed());
            }
            case "morris" -> {
                Designs.Morris m = Designs.morris(d.trajectories(), cols, d.levels(), d.seed());
                unit = m.points();
                layout = new SweepPlan.Layout("morris", d.trajectories(), cols, d.dummy(), m.delta(), m.moved(), d.bootstrap(), d.seed());
            }
            default -> throw new IllegalStateException(d.type());
        }

        List<PointPlan> points = new ArrayList<>();
        for (int i = 0; i < unit.length; i++) {
            List<String> values = new ArrayList<>();
            List<String> overrides = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                assign(params.get(j), valueAt(params.get(j), unit[i][j]), values, overrides);
            }
            double dummy = d.dummy() ? unit[i][k] : Double.NaN;
            if (d.dummy()) {
                values.add(plain(new BigDecimal(dummy).round(DIGITS)));
            }
            points.add(new PointPlan(i, unit[i], values, overrides, pointSeed(f, i, dummy)));
        }
        int baseline = baseline(file, f, lines, points, d.dummy());
        if (baseline == points.size()) {
            List<String> values = new ArrayList<>();
            List<String> overrides = new ArrayList<>();
            for (SweepFile.Parameter p : params) {
                assign(p, f.baseline().get(p.label()), values, overrides);
            }
            if (d.dummy()) {
                values.add("");
            }
            double[] nan = new double[cols];
            java.util.Arrays.fill(nan, Double.NaN);
            points.add(new PointPlan(baseline, nan, values, overrides, pointSeed(f, baseline, Double.NaN)));
        }
        validatePoints(file, f, lines, new Base(baseFile, baseYaml), points);

        List<String> names = new ArrayList<>();
        List<String> units = new ArrayList<>();
        for (SweepFile.Parameter p : params) {
            names.add(p.label());
            units.add(p.unit());
        }
        if (d.dummy()) {
            names.add("dummy");
            units.add("seed coordinate");
        }
        String fingerprint = sha256(toYaml(f) + "\n---\n" + baseYaml);
        int days = baseSpec.days();
        return new SweepPlan(f.name(), baseFile.toString(), baseYaml, days, f.paths(), f.seed(), f.commonRandomNumbers(),
                names, units, points, f.baseline().isEmpty() ? -1 : baseline, stats, layout, fingerprint);
    }

    /**
     * The master seed of a point's paths. With common random numbers every point uses the sweep
     * seed, so path p is the same stream everywhere; a saltelli or morris dummy instead picks the
     * seed from its coordinate, so the dummy changes nothing but the noise. Without common
     * random numbers each point gets its own seed from (seed, point index).
     */
    static long pointSeed(SweepFile f, int index, double dummy) {
        if (f.commonRandomNumbers()) {
            return Double.isNaN(dummy) ? f.seed() : mix(f.seed() ^ 0x5DEECE66DL, (long) Math.floor(dummy * 4294967296.0));
        }
        return mix(f.seed(), index);
    }

    private static long mix(long seed, long index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The value of parameter p at unit coordinate u: a list item, or a point of the range. */
    static JsonNode valueAt(SweepFile.Parameter p, double u) {
        if (p.values() != null) {
            int m = p.values().size();
            return p.values().get(Math.min(m - 1, (int) Math.floor(u * m)));
        }
        double v = p.range().min() + u * (p.range().max() - p.range().min());
        if (p.integer()) {
            return com.fasterxml.jackson.databind.node.LongNode.valueOf(Math.round(v));
        }
        return com.fasterxml.jackson.databind.node.DecimalNode.valueOf(new BigDecimal(v).round(DIGITS));
    }

    private static void assign(SweepFile.Parameter p, JsonNode value, List<String> values, List<String> overrides) {
        values.add(display(value));
        if (p.key() != null) {
            overrides.add(p.key() + "=" + (value.isNumber() ? plain(value.decimalValue().round(DIGITS)) : value.toString()));
            return;
        }
        BigDecimal x = value.decimalValue();
        for (Map.Entry<String, SweepFile.Linear> e : p.sets().entrySet()) {
            BigDecimal v = BigDecimal.valueOf(e.getValue().at()).add(BigDecimal.valueOf(e.getValue().perUnit()).multiply(x)).round(DIGITS);
            overrides.add(e.getKey() + "=" + plain(v));
        }
    }

    /** How a value is written in points.csv: numbers plainly, text as is, lists as [a b]. */
    static String display(JsonNode v) {
        if (v.isNumber()) {
            return plain(v.decimalValue().round(DIGITS));
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(n -> items.add(display(n)));
            return "[" + String.join(" ", items) + "]";
        }
        return v.isTextual() ? v.asText() : v.toString();
    }

    private static String plain(BigDecimal v) {
        String s = v.stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    private int baseline(Path file, SweepFile f, Map<String, Integer> lines, List<PointPlan> points, boolean dummy) {
        if (f.baseline().isEmpty()) {
            return -1;
        }
        List<String> want = new ArrayList<>();
        for (SweepFile.Parameter p : f.parameters()) {
            JsonNode v = f.baseline().get(p.label());
            if (v == null) {
                throw new ScenarioException(file, "baseline", YamlLocations.lineOf(lines, "baseline"),
                        "the baseline must give every parameter; '" + p.label() + "' is missing");
            }
            if (p.sets() != null && !v.isNumber()) {
                throw new ScenarioException(file, "baseline." + p.label(), YamlLocations.lineOf(lines, "baseline." + p.label()),
                        "expected a number, got " + v);
            }
            want.add(display(v));
        }
        if (!dummy) {
            for (PointPlan pt : points) {
                if (pt.values().equals(want)) {
                    return pt.index();
                }
            }
        }
        return points.size();
    }

    private static List<StatisticSpec> statistics(Path file, SweepFile f, Map<String, Integer> lines, ModelSpec base) {
        List<StatisticSpec> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < f.metrics().size(); i++) {
            SweepFile.MetricStatistics m = f.metrics().get(i);
            Metric metric = null;
            TreeSet<String> known = new TreeSet<>();
            for (Metric x : Metric.values()) {
                known.add(x.column());
                if (x.column().equals(m.metric())) {
                    metric = x;
                }
            }
            String where = "metrics[" + i + "].metric";
            if (metric == null) {
                throw new ScenarioException(file, where, YamlLocations.lineOf(lines, where), "unknown metric '" + m.metric() + "'; expected one of " + known);
            }
            if (metric == Metric.DR007 && !base.term().enabled()) {
                throw new ScenarioException(file, where, YamlLocations.lineOf(lines, where), "dr007 needs market.term.enabled: true in the base scenario");
            }
            for (int j = 0; j < m.statistics().size(); j++) {
                String name = m.statistics().get(j);
                String at = "metrics[" + i + "].statistics[" + j + "]";
                String problem = StatisticSpec.problem(metric, name);
                if (problem != null) {
                    throw new ScenarioException(file, at, YamlLocations.lineOf(lines, at), problem);
                }
                StatisticSpec s = StatisticSpec.parse(metric, name);
                if (!seen.add(s.column())) {
                    throw new ScenarioException(file, at, YamlLocations.lineOf(lines, at), s.column() + " appears twice");
                }
                out.add(s);
            }
        }
        return out;
    }

    /** The base scenario's file and its resolved YAML. */
    private record Base(Path file, String yaml) {
    }

    private void validatePoints(Path file, SweepFile f, Map<String, Integer> lines, Base base, List<PointPlan> points) {
        ScenarioLoader scenarios = new ScenarioLoader();
        Set<List<String>> checked = new HashSet<>();
        for (PointPlan pt : points) {
            if (!checked.add(pt.overrides())) {
                continue;
            }
            try {
                ScenarioCompiler.compile(scenarios.parse(base.file(), base.yaml(), pt.overrides()), base.file());
            } catch (ScenarioException e) {
                String where = culprit(f, e.keyPath());
                throw new ScenarioException(file, where, YamlLocations.lineOf(lines, where), "point " + pt.index() + " ("
                        + String.join(", ", pt.overrides()) + ") makes an invalid scenario: "
                        + (e.keyPath().isEmpty() ? "" : e.keyPath() + ": ") + e.problem().replace(" (set on the command line with --set)", ""));
            }
        }
    }

    /**
     * The parameter most likely behind a scenario error at {@code keyPath}: one that sets that key
     * (or a key inside it), else one that sets a sibling (a floor checked against a swept
     * ceiling), else the only parameter; "parameters" when none can be told.
     */
    private static String culprit(SweepFile f, String keyPath) {
        String parent = keyPath.contains(".") ? keyPath.substring(0, keyPath.lastIndexOf('.')) : "";
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < f.parameters().size(); i++) {
                SweepFile.Parameter p = f.parameters().get(i);
                List<String> keys = p.key() != null ? List.of(p.key()) : new ArrayList<>(p.sets().keySet());
                for (String key : keys) {
                    boolean hit = pass == 0
                            ? keyPath.equals(key) || keyPath.startsWith(key + ".") || key.startsWith(keyPath + ".") || key.startsWith(keyPath + "[")
                            : !parent.isEmpty() && key.startsWith(parent + ".");
                    if (hit) {
                        return "parameters[" + i + "]";
                    }
                }
            }
        }
        return f.parameters().size() == 1 ? "parameters[0]" : "parameters";
    }

    /** Why {@code key} is not a path in the resolved scenario tree, or null if it is. */
    static String missing(JsonNode root, String key) {
        JsonNode node = root;
        String[] parts = key.split("\\.", -1);
        StringBuilder at = new StringBuilder();
        for (String part : parts) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches()) {
                return "cannot parse the key path segment '" + part + "'";
            }
            String name = m.group(1);
            if (!node.isObject() || !node.has(name)) {
                TreeSet<String> known = new TreeSet<>();
                if (node.isObject()) {
                    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                        known.add(it.next());
                    }
                }
                return "there is no '" + name + "'" + (at.length() == 0 ? "" : " under '" + at + "'")
                        + (known.isEmpty() ? "" : "; expected one of " + known);
            }
            node = node.get(name);
            at.append(at.length() == 0 ? "" : ".").append(name);
            Matcher im = INDEX.matcher(m.group(2));
            while (im.find()) {
                int idx = Integer.parseInt(im.group(1));
                if (!node.isArray() || idx >= node.size()) {
                    return "there is no item [" + idx + "] under '" + at + "'"
                            + (node.isArray() ? " (it has " + node.size() + ")" : " (it is not a list)");
                }
                node = node.get(idx);
                at.append('[').append(idx).append(']');
            }
        }
        return null;
    }



    /** Key path → 1-based line of the key or list item. */
    private void scanLines(String text, Map<String, Integer> lines) throws JsonProcessingException {
        try (JsonParser p = mapper.getFactory().createParser(text)) {
            for (JsonToken tok = p.nextToken(); tok != null; tok = p.nextToken()) {
                if (tok == JsonToken.FIELD_NAME || p.getParsingContext().inArray()) {
                    StringBuilder b = new StringBuilder();
                    for (String seg : p.getParsingContext().pathAsPointer().toString().split("/")) {
                        if (seg.isEmpty()) {
                            continue;
                        }
                        if (seg.chars().allMatch(Character::isDigit)) {
                            b.append('[').append(seg).append(']');
                        } else {
                            b.append(b.length() > 0 ? "." : "").append(seg.replace("~1", "/").replace("~0", "~"));
                        }
                    }
                    lines.putIfAbsent(b.toString(), p.currentTokenLocation().getLineNr());
                }
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
