package io.m365vault.graphsim.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Matches method + normalized segments against patterns such as
 * {@code users/{u}/mailFolders/{f}/messages/delta}. Literals compare case-insensitively, as
 * Graph's do; the first matching route wins, so register specific routes before general ones.
 */
public final class Router {
    public record Route(String method, String pattern, String[] parts, Handler handler) {
    }

    public record Match(Route route, Map<String, String> params) {
    }

    private final List<Route> routes = new ArrayList<>();

    public Router add(String method, String pattern, Handler handler) {
        routes.add(new Route(method, pattern, pattern.split("/"), handler));
        return this;
    }

    public Router get(String pattern, Handler h) {
        return add("GET", pattern, h);
    }

    public Router post(String pattern, Handler h) {
        return add("POST", pattern, h);
    }

    public Router patch(String pattern, Handler h) {
        return add("PATCH", pattern, h);
    }

    public Router put(String pattern, Handler h) {
        return add("PUT", pattern, h);
    }

    public Router delete(String pattern, Handler h) {
        return add("DELETE", pattern, h);
    }

    /** The matching route, or null when the path is known under another method or not at all. */
    public Match match(String method, List<String> segments) {
        for (Route r : routes) {
            if (!r.method.equals(method) || r.parts.length != segments.size()) {
                continue;
            }
            Map<String, String> params = matchParts(r.parts, segments);
            if (params != null) {
                return new Match(r, params);
            }
        }
        return null;
    }

    private static Map<String, String> matchParts(String[] parts, List<String> segments) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            String s = segments.get(i);
            if (p.startsWith("{") && p.endsWith("}")) {
                params.put(p.substring(1, p.length() - 1), s);
            } else if (!p.toLowerCase(Locale.ROOT).equals(s.toLowerCase(Locale.ROOT))) {
                return null;
            }
        }
        return params;
    }
}
