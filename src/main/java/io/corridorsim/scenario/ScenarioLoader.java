package io.corridorsim.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads scenario files strictly: YAML syntax errors, unknown keys, missing keys, wrong types
 * and invalid values all become a {@link ScenarioException} naming the file, the key path and
 * the line. {@code --set key.path=value} overrides are applied before validation.
 */
public final class ScenarioLoader {

    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z0-9_]+)((?:\\[\\d+\\])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)\\]");

    /** The default of {@code calendar_dir} (mirrors {@link Scenario}'s constructor). */
    private static final String DEFAULT_CALENDAR_DIR = "calendar";

    private final ObjectMapper mapper;
    private final List<Path> dataRoots;

    /** A loader that resolves {@code calendar_dir} against the scenario's own folder only. */
    public ScenarioLoader() {
        this(List.of());
    }

    /**
     * @param dataRoots folders searched, after the scenario's own folder, for a relative
     *                  {@code calendar_dir} (the installation's {@code models/}), so a scenario
     *                  copied anywhere still finds the shipped calendar
     */
    public ScenarioLoader(List<Path> dataRoots) {
        this.dataRoots = List.copyOf(dataRoots);
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

    /**
     * Loads and validates {@code file}, applying {@code overrides} ({@code key.path=value}).
     * A relative {@code calendar_dir} becomes the absolute folder it names (next to the file,
     * else under a data root), so the resolved scenario works from anywhere.
     */
    public Scenario load(Path file, List<String> overrides) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(file, "", 0, "cannot read the scenario file: " + readProblem(file, e));
        }
        return parse(file, text, overrides, true);
    }

    /** Parses scenario text; {@code file} is only used in messages and may be virtual. */
    public Scenario parse(Path file, String text, List<String> overrides) {
        return parse(file, text, overrides, false);
    }

    /** Why a file could not be read, in words (no Java class names). */
    static String readProblem(Path file, IOException e) {
        if (e instanceof java.nio.charset.CharacterCodingException) {
            return "it is not UTF-8 text";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (Files.isDirectory(file)) {
            return "it is a directory";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() == null ? "input/output error" : e.getMessage();
    }

    private Scenario parse(Path file, String text, List<String> overrides, boolean resolvePaths) {
        JsonNode tree;
        LineIndex index = new LineIndex();
        try {
            index.scan(text);
            tree = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String message = e.getOriginalMessage().lines().findFirst().orElse("malformed YAML");
            if (message.contains("numeric value") && index.lastKey != null) {
                // A value YAML reads as a number but Jackson cannot (.nan, .inf): name the key.
                throw new ScenarioException(file, index.lastKey, loc == null ? 0 : loc.getLineNr(),
                        "expected a finite number (" + message + ")");
            }
            throw new ScenarioException(file, "", loc == null ? 0 : loc.getLineNr(), "YAML syntax error: " + message);
        }
        Map<String, Integer> lines = index.lines;
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new ScenarioException(file, "", 0, "the file is empty; expected a YAML mapping of scenario keys");
        }
        if (!tree.isObject()) {
            throw new ScenarioException(file, "", 1, "expected a YAML mapping of scenario keys at the top level, got a " + tree.getNodeType().toString().toLowerCase());
        }
        List<String> overridden = new ArrayList<>();
        for (String o : overrides) {
            overridden.add(applyOverride(file, (ObjectNode) tree, o));
        }
        // Unknown keys first: a mistyped key must be named as unknown, not as the missing key
        // the record constructor would otherwise complain about.
        new KeyCheck(file, lines, overridden).check(tree, mapper.constructType(Scenario.class), "");
        if (resolvePaths) {
            resolveCalendarDir(file, (ObjectNode) tree);
        }
        try {
            return mapper.treeToValue(tree, Scenario.class);
        } catch (JsonProcessingException e) {
            throw translate(file, e, lines, overridden, tree);
        }
    }

    /** The resolved scenario as YAML, every default filled in. */
    public String toYaml(Scenario scenario) {
        try {
            return mapper.writeValueAsString(scenario);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise scenario " + scenario.name(), e);
        }
    }

    /** The resolved scenario as a JSON tree (for manifests). */
    public JsonNode toTree(Scenario scenario) {
        return JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .serializationInclusion(JsonInclude.Include.NON_NULL).build().valueToTree(scenario);
    }

    private void resolveCalendarDir(Path file, ObjectNode root) {
        JsonNode given = root.get("calendar_dir");
        if (given != null && !given.isTextual()) {
            return; // the type error is reported by the mapper
        }
        String name = given == null ? DEFAULT_CALENDAR_DIR : given.asText();
        List<Path> candidates = new ArrayList<>();
        candidates.add(file.toAbsolutePath().getParent().resolve(name));
        dataRoots.forEach(r -> candidates.add(r.resolve(name)));
        for (Path c : candidates) {
            if (Files.isDirectory(c)) {
                root.put("calendar_dir", c.toAbsolutePath().normalize().toString());
                return;
            }
        }
    }

    /**
     * Finds keys no record declares, walking the tree alongside the scenario's types as Jackson
     * sees them (snake_case names, {@code @JsonProperty} renames). Types it cannot walk (maps,
     * trees, polymorphic values) are left to the mapper.
     */
    private final class KeyCheck {
        private final Path file;
        private final Map<String, Integer> lines;
        private final List<String> overridden;

        KeyCheck(Path file, Map<String, Integer> lines, List<String> overridden) {
            this.file = file;
            this.lines = lines;
            this.overridden = overridden;
        }

        void check(JsonNode node, JavaType type, String path) {
            if (node == null || node.isNull()) {
                return;
            }
            if (type.isCollectionLikeType() && node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    check(node.get(i), type.getContentType(), path + "[" + i + "]");
                }
                return;
            }
            Class<?> raw = type.getRawClass();
            if (!node.isObject() || !raw.isRecord()) {
                return;
            }
            Map<String, JavaType> known = new java.util.TreeMap<>();
            BeanDescription d = mapper.getDeserializationConfig().introspect(type);
            for (BeanPropertyDefinition p : d.findProperties()) {
                known.put(p.getName(), p.getPrimaryType());
            }
            if (known.isEmpty()) {
                return;
            }
            for (java.util.Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                String child = path.isEmpty() ? key : path + "." + key;
                JavaType t = known.get(key);
                if (t == null) {
                    String near = nearest(key, known.keySet());
                    String problem = unknownKey(key, near, known.keySet());
                    if (overridden.stream().anyMatch(o -> o.equals(child))) {
                        problem += " (set on the command line with --set)";
                    }
                    throw new ScenarioException(file, child, YamlLocations.lineOf(lines, child), problem);
                }
                check(node.get(key), t, child);
            }
        }
    }

    private static String unknownKey(String key, String near, java.util.Collection<String> valid) {
        return "unknown key '" + key + "'" + (near == null ? "; valid keys here: " : "; did you mean '" + near + "'? Valid keys here: ")
                + String.join(", ", valid);
    }

    /** The valid key closest to a mistyped one, if it is close enough to be a typo. */
    static String nearest(String key, java.util.Collection<String> valid) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String v : valid) {
            int dd = distance.apply(key, v);
            if (dd < bestD) {
                best = v;
                bestD = dd;
            }
        }
        return best != null && bestD <= Math.max(2, key.length() / 3) ? best : null;
    }

    private String applyOverride(Path file, ObjectNode root, String override) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new ScenarioException(file, override, 0, "--set expects key.path=value, got '" + override + "'");
        }
        String path = override.substring(0, eq).trim();
        String raw = override.substring(eq + 1);
        JsonNode value;
        try {
            value = raw.isEmpty() ? JsonNodeFactory.instance.textNode("") : mapper.readTree(raw);
            if (value == null || value.isMissingNode()) {
                value = JsonNodeFactory.instance.textNode(raw);
            }
        } catch (JsonProcessingException e) {
            value = JsonNodeFactory.instance.textNode(raw);
        }
        String[] parts = path.split("\\.");
        JsonNode node = root;
        for (int k = 0; k < parts.length; k++) {
            Matcher m = SEGMENT.matcher(parts[k]);
            if (!m.matches()) {
                throw new ScenarioException(file, path, 0, "--set: cannot parse key path segment '" + parts[k] + "'");
            }
            String key = m.group(1);
            List<Integer> indices = new ArrayList<>();
            Matcher im = INDEX.matcher(m.group(2));
            while (im.find()) {
                indices.add(Integer.parseInt(im.group(1)));
            }
            boolean last = k == parts.length - 1;
            if (!(node instanceof ObjectNode obj)) {
                throw new ScenarioException(file, path, 0, "--set: '" + key + "' is not inside a mapping");
            }
            if (indices.isEmpty()) {
                if (last) {
                    obj.set(key, value);
                    return path;
                }
                JsonNode child = obj.get(key);
                if (child == null || child.isNull()) {
                    child = obj.putObject(key);
                }
                node = child;
            } else {
                JsonNode child = obj.get(key);
                for (int j = 0; j < indices.size(); j++) {
                    int idx = indices.get(j);
                    if (!(child instanceof ArrayNode arr) || idx >= arr.size()) {
                        throw new ScenarioException(file, path, 0, "--set: there is no item [" + idx + "] under '" + key + "'");
                    }
                    if (last && j == indices.size() - 1) {
                        arr.set(idx, value);
                        return path;
                    }
                    child = arr.get(idx);
                }
                node = child;
            }
        }
        return path;
    }

    private ScenarioException translate(Path file, JsonProcessingException e, Map<String, Integer> lines,
                                        List<String> overridden, JsonNode tree) {
        String path = e instanceof JsonMappingException jme ? YamlLocations.keyPath(jme.getPath()) : "";
        String problem;
        if (e instanceof UnrecognizedPropertyException u) {
            TreeSet<String> known = new TreeSet<>();
            if (u.getKnownPropertyIds() != null) {
                u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            }
            problem = unknownKey(u.getPropertyName(), nearest(u.getPropertyName(), known), known);
        } else if (e instanceof ValueInstantiationException v) {
            Throwable cause = v.getCause();
            if (cause instanceof InvalidValueException ive) {
                path = join(path, ive.key());
                problem = ive.getMessage();
            } else {
                problem = cause == null ? v.getOriginalMessage() : cause.getMessage();
            }
        } else if (e instanceof InvalidFormatException f) {
            problem = "expected " + YamlLocations.describe(f.getTargetType()) + ", got '" + f.getValue() + "'";
        } else if (e instanceof MismatchedInputException m) {
            JsonNode given = e instanceof JsonMappingException jme ? nodeAt(tree, jme.getPath()) : null;
            problem = "expected " + YamlLocations.describe(m.getTargetType())
                    + (given == null ? "; " + firstLine(m.getOriginalMessage())
                    : ", got " + (given.isTextual() ? "'" + given.asText() + "'" : given.isArray() ? "a list"
                    : given.isObject() ? "a mapping" : given.toString()));
        } else {
            problem = firstLine(e.getOriginalMessage());
        }
        String key = path;
        int line = YamlLocations.lineOf(lines, key);
        if (overridden.stream().anyMatch(o -> key.equals(o) || key.startsWith(o + ".") || key.startsWith(o + "["))) {
            problem = problem + " (set on the command line with --set)";
        }
        return new ScenarioException(file, key, line, problem);
    }

    private static JsonNode nodeAt(JsonNode root, List<JsonMappingException.Reference> refs) {
        JsonNode n = root;
        for (JsonMappingException.Reference r : refs) {
            if (n == null) {
                return null;
            }
            n = r.getFieldName() != null ? n.get(r.getFieldName()) : n.get(r.getIndex());
        }
        return n;
    }

    private static String firstLine(String s) {
        return s == null ? "invalid value" : s.lines().findFirst().orElse(s);
    }


    private static String join(String parent, String key) {
        if (key == null || key.isEmpty()) {
            return parent;
        }
        return parent.isEmpty() ? key : parent + "." + key;
    }


    /** Key path → 1-based line of the key (or list item), and the last key read before any error. */
    private final class LineIndex {
        final Map<String, Integer> lines = new HashMap<>();
        String lastKey;

        void scan(String text) throws JsonProcessingException {
            try (JsonParser p = mapper.getFactory().createParser(text)) {
                for (JsonToken tok = p.nextToken(); tok != null; tok = p.nextToken()) {
                    if (tok == JsonToken.VALUE_NUMBER_FLOAT || tok == JsonToken.VALUE_NUMBER_INT) {
                        p.getNumberValue(); // fails here, not later, on values like .nan
                    }
                    if (tok == JsonToken.FIELD_NAME || p.getParsingContext().inArray()) {
                        String key = pointerToKeyPath(p.getParsingContext().pathAsPointer().toString());
                        lines.putIfAbsent(key, p.currentTokenLocation().getLineNr());
                        if (tok == JsonToken.FIELD_NAME) {
                            lastKey = key;
                        }
                    }
                }
            } catch (JsonProcessingException e) {
                throw e;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String pointerToKeyPath(String pointer) {
        StringBuilder b = new StringBuilder();
        for (String seg : pointer.split("/")) {
            if (seg.isEmpty()) {
                continue;
            }
            if (seg.chars().allMatch(Character::isDigit)) {
                b.append('[').append(seg).append(']');
            } else {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(seg.replace("~1", "/").replace("~0", "~"));
            }
        }
        return b.toString();
    }
}
