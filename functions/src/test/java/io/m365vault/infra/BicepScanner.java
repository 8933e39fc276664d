package io.m365vault.infra;

/**
 * Lexical walking of Bicep text: strings (with ${} interpolation and ''' multi-line form),
 * comments and bracket matching. No Bicep compiler can be installed here, so the infra test
 * reads the files with this instead; it knows only what that test needs.
 */
final class BicepScanner {
    private final String text;

    /** Scans {@code text}, which must already be free of comments (see {@link #withoutComments}). */
    BicepScanner(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    /** The text with every comment blanked to spaces (newlines kept), so offsets and lines stay put. */
    static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source);
        BicepScanner strings = new BicepScanner(source);
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\'') {
                i = strings.skipString(i);
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                end = end < 0 ? source.length() : end;
                blank(out, i, end);
                i = end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated /* comment at line " + strings.lineOf(i));
                }
                blank(out, i, end + 2);
                i = end + 2;
            } else {
                i++;
            }
        }
        return out.toString();
    }

    private static void blank(StringBuilder out, int from, int to) {
        for (int k = from; k < to; k++) {
            if (out.charAt(k) != '\n') {
                out.setCharAt(k, ' ');
            }
        }
    }

    /** Index just past the string literal that starts at {@code start} (a quote). */
    int skipString(int start) {
        if (text.startsWith("'''", start)) {
            int end = text.indexOf("'''", start + 3);
            if (end < 0) {
                throw new IllegalArgumentException("unterminated ''' string at line " + lineOf(start));
            }
            return end + 3;
        }
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '\'') {
                return i + 1;
            } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                i = matching(i + 1) + 1;
            } else if (c == '\n') {
                break;
            } else {
                i++;
            }
        }
        throw new IllegalArgumentException("unterminated string at line " + lineOf(start));
    }

    /** Index of the bracket closing the one ({, [ or () at {@code open}. */
    int matching(int open) {
        int depth = 0;
        int i = open;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'') {
                i = skipString(i);
                continue;
            }
            if (c == '{' || c == '[' || c == '(') {
                depth++;
            } else if ((c == '}' || c == ']' || c == ')') && --depth == 0) {
                return i;
            }
            i++;
        }
        throw new IllegalArgumentException("unclosed '" + text.charAt(open) + "' at line " + lineOf(open));
    }

    /** 1-based line number of an offset, for error messages. */
    int lineOf(int offset) {
        int line = 1;
        for (int k = 0; k < offset && k < text.length(); k++) {
            if (text.charAt(k) == '\n') {
                line++;
            }
        }
        return line;
    }
}
