package io.corridorsim.scenario;

import com.fasterxml.jackson.databind.JsonMappingException;

import java.util.List;
import java.util.Map;

/** Where in a YAML file a key path is: shared by the scenario and sweep loaders for their one-line errors. */
public final class YamlLocations {

    private YamlLocations() {
    }

    /** The key path of a Jackson error's reference chain: {@code banks.groups[2].count}. */
    public static String keyPath(List<JsonMappingException.Reference> refs) {
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

    /** The 1-based line of a key path, or of its nearest parent that has one; 0 when none does. */
    public static int lineOf(Map<String, Integer> lines, String path) {
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

    /** What a value of this type looks like, in words, for "expected …" in error messages. */
    public static String describe(Class<?> type) {
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
        return "a mapping of keys";
    }
}
