package io.m365vault.infra;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the block-mapping subset of YAML that azure.yaml uses: nested "key: value" maps by
 * indentation, plain or quoted scalars, # comments. Anything else (lists, flow style, anchors)
 * is refused with the line number, so the test never misreads a file it does not understand.
 */
final class SimpleYaml {
    private SimpleYaml() {}

    static Map<String, Object> parse(String yaml) {
        Map<String, Object> root = new LinkedHashMap<>();
        Deque<Map<String, Object>> maps = new ArrayDeque<>();
        Deque<Integer> indents = new ArrayDeque<>();
        maps.push(root);
        indents.push(-1);
        String[] lines = yaml.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = stripComment(lines[n]).stripTrailing();
            if (line.isBlank()) {
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            String content = line.strip();
            if (content.startsWith("-") || content.startsWith("{") || content.startsWith("[") || content.contains("\t")) {
                throw new IllegalArgumentException("line " + (n + 1) + ": only block mappings are supported: " + content);
            }
            int colon = content.indexOf(':');
            if (colon <= 0 || (colon + 1 < content.length() && content.charAt(colon + 1) != ' ')) {
                throw new IllegalArgumentException("line " + (n + 1) + ": expected 'key: value': " + content);
            }
            while (indent <= indents.peek()) {
                maps.pop();
                indents.pop();
            }
            String key = content.substring(0, colon).strip();
            String value = content.substring(colon + 1).strip();
            Map<String, Object> parent = maps.peek();
            if (parent.containsKey(key)) {
                throw new IllegalArgumentException("line " + (n + 1) + ": duplicate key " + key);
            }
            if (value.isEmpty()) {
                Map<String, Object> child = new LinkedHashMap<>();
                parent.put(key, child);
                maps.push(child);
                indents.push(indent);
            } else {
                parent.put(key, unquote(value));
            }
        }
        return root;
    }

    /** The value at a dotted path of keys, or null. */
    @SuppressWarnings("unchecked")
    static Object at(Map<String, Object> root, String... keys) {
        Object node = root;
        for (String key : keys) {
            if (!(node instanceof Map)) {
                return null;
            }
            node = ((Map<String, Object>) node).get(key);
        }
        return node;
    }

    private static String stripComment(String line) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (c == '#' && !single && !dbl && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static String unquote(String value) {
        if (value.length() >= 2
                && ((value.startsWith("'") && value.endsWith("'")) || (value.startsWith("\"") && value.endsWith("\"")))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
