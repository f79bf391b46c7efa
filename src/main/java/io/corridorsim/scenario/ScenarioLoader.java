package io.corridorsim.scenario;

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
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

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

    private final ObjectMapper mapper;

    public ScenarioLoader() {
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

    /** Loads and validates {@code file}, applying {@code overrides} ({@code key.path=value}). */
    public Scenario load(Path file, List<String> overrides) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(file, "", 0, "cannot read the scenario file (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
        return parse(file, text, overrides);
    }

    /** Parses scenario text; {@code file} is only used in messages and may be virtual. */
    public Scenario parse(Path file, String text, List<String> overrides) {
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
        String path = e instanceof JsonMappingException jme ? keyPath(jme.getPath()) : "";
        String problem;
        if (e instanceof UnrecognizedPropertyException u) {
            TreeSet<String> known = new TreeSet<>();
            if (u.getKnownPropertyIds() != null) {
                u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            }
            problem = "unknown key '" + u.getPropertyName() + "'; expected one of " + known;
        } else if (e instanceof ValueInstantiationException v) {
            Throwable cause = v.getCause();
            if (cause instanceof InvalidValueException ive) {
                path = join(path, ive.key());
                problem = ive.getMessage();
            } else {
                problem = cause == null ? v.getOriginalMessage() : cause.getMessage();
            }
        } else if (e instanceof InvalidFormatException f) {
            problem = "expected " + describe(f.getTargetType()) + ", got '" + f.getValue() + "'";
        } else if (e instanceof MismatchedInputException m) {
            JsonNode given = e instanceof JsonMappingException jme ? nodeAt(tree, jme.getPath()) : null;
            problem = "expected " + describe(m.getTargetType())
                    + (given == null ? "; " + firstLine(m.getOriginalMessage())
                    : ", got " + (given.isTextual() ? "'" + given.asText() + "'" : given.isContainerNode() ? "a " + given.getNodeType().toString().toLowerCase() : given.toString()));
        } else {
            problem = firstLine(e.getOriginalMessage());
        }
        String key = path;
        int line = lineOf(lines, key);
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

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a different kind of value";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text value";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a mapping of keys (" + type.getSimpleName() + ")";
    }

    private static String join(String parent, String key) {
        if (key == null || key.isEmpty()) {
            return parent;
        }
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String keyPath(List<JsonMappingException.Reference> refs) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static int lineOf(Map<String, Integer> lines, String path) {
        String p = path;
        while (!p.isEmpty()) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return 0;
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
