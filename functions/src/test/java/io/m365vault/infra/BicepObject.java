package io.m365vault.infra;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Bicep object literal ({ key: value ... }) read for its top-level properties: names and
 * the raw text of each value. Child resource declarations and decorators inside a resource
 * body are stepped over, not read.
 */
final class BicepObject {
    private final BicepScanner scanner;
    private final Map<String, Integer> valueStarts = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    /** Reads the object whose '{' is at {@code open}. */
    BicepObject(BicepScanner scanner, int open) {
        this.scanner = scanner;
        String text = scanner.text();
        if (text.charAt(open) != '{') {
            throw new IllegalArgumentException("expected '{' at line " + scanner.lineOf(open));
        }
        int end = scanner.matching(open);
        int i = open + 1;
        while (true) {
            i = skipSeparators(text, i, end);
            if (i >= end) {
                break;
            }
            if (text.charAt(i) == '@') {
                i = skipDecorator(text, i);
                continue;
            }
            int keyStart = i;
            String key;
            if (text.charAt(i) == '\'') {
                i = scanner.skipString(i);
                key = text.substring(keyStart + 1, i - 1);
            } else {
                while (i < end && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
                key = text.substring(keyStart, i);
            }
            int colon = skipBlanks(text, i);
            if (colon >= end || text.charAt(colon) != ':') {
                if (key.equals("resource")) {
                    i = scanner.matching(text.indexOf('{', i)) + 1;
                    continue;
                }
                throw new IllegalArgumentException("expected 'name: value' at line " + scanner.lineOf(keyStart));
            }
            int valueStart = skipBlanks(text, colon + 1);
            int valueEnd = endOfValue(text, valueStart, end);
            valueStarts.put(key, valueStart);
            values.put(key, text.substring(valueStart, valueEnd).trim());
            i = valueEnd;
        }
    }

    private int skipDecorator(String text, int at) {
        int paren = text.indexOf('(', at);
        return scanner.matching(paren) + 1;
    }

    private int endOfValue(String text, int from, int end) {
        int i = from;
        while (i < end) {
            char c = text.charAt(i);
            if (c == '\'') {
                i = scanner.skipString(i);
            } else if (c == '{' || c == '[' || c == '(') {
                i = scanner.matching(i) + 1;
            } else if (c == '\n' || c == ',') {
                return i;
            } else {
                i++;
            }
        }
        return end;
    }

    private static int skipSeparators(String text, int i, int end) {
        while (i < end && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == ',')) {
            i++;
        }
        return i;
    }

    private static int skipBlanks(String text, int i) {
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    Set<String> keys() {
        return values.keySet();
    }

    /** The raw Bicep text of a property's value, if the property is there. */
    Optional<String> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** A property whose value is itself an object literal. */
    BicepObject object(String key) {
        Integer start = valueStarts.get(key);
        if (start == null) {
            throw new IllegalArgumentException("no property '" + key + "' among " + keys());
        }
        return new BicepObject(scanner, start);
    }
}
