package io.m365vault.graphsim.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a Graph path into segments the router can match: percent-decoded one by one, OData
 * function calls like {@code delta()} and {@code delta(token='x')} reduced to their name (the
 * arguments go to a map), {@code microsoft.graph.} prefixes dropped, and drive path addressing
 * ({@code root:/a/b.txt:}) joined back into one segment whether the slashes came encoded or not.
 */
public final class PathParser {
    private static final Pattern FUNCTION = Pattern.compile("^([A-Za-z.]+)\\((.*)\\)$");
    private static final Pattern ARG = Pattern.compile("([A-Za-z]+)=('(?:[^']|'')*'|[^,]*)");

    private PathParser() {
    }

    public record Parsed(List<String> segments, Map<String, String> functionArgs) {
    }

    public static Parsed parse(String rawPath) {
        List<String> raw = new ArrayList<>();
        for (String s : rawPath.split("/")) {
            if (!s.isEmpty()) {
                raw.add(decode(s));
            }
        }
        List<String> joined = joinPathAddressing(raw);
        List<String> out = new ArrayList<>(joined.size());
        Map<String, String> args = new LinkedHashMap<>();
        for (String s : joined) {
            out.add(normalize(s, args));
        }
        return new Parsed(out, args);
    }

    private static List<String> joinPathAddressing(List<String> raw) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String s = raw.get(i);
            // "root:" followed by literal path segments up to one that ends with ':'
            if (s.endsWith(":") && s.indexOf(':') == s.length() - 1 && i + 1 < raw.size()) {
                StringBuilder b = new StringBuilder(s);
                int j = i + 1;
                for (; j < raw.size(); j++) {
                    b.append('/').append(raw.get(j));
                    if (raw.get(j).endsWith(":")) {
                        break;
                    }
                }
                out.add(b.toString());
                i = Math.min(j, raw.size() - 1);
            } else {
                out.add(s);
            }
        }
        return out;
    }

    private static String normalize(String s, Map<String, String> args) {
        if (s.contains(":/")) {
            return s;
        }
        String name = s;
        Matcher f = FUNCTION.matcher(s);
        if (f.matches()) {
            name = f.group(1);
            Matcher a = ARG.matcher(f.group(2));
            while (a.find()) {
                String v = a.group(2).trim();
                if (v.startsWith("'") && v.endsWith("'") && v.length() >= 2) {
                    v = v.substring(1, v.length() - 1).replace("''", "'");
                }
                args.put(a.group(1), v);
            }
        }
        if (name.startsWith("microsoft.graph.")) {
            name = name.substring("microsoft.".length());
        }
        return name;
    }

    public static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    public static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> q = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return q;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            q.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return q;
    }
}
