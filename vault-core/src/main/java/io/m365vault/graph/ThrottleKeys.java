package io.m365vault.graph;

import okhttp3.HttpUrl;

import java.util.List;
import java.util.Locale;

/**
 * The resource a request is throttled under: Graph limits per app per mailbox or drive, so
 * {@code users/{id}}, {@code drives/{id}}, {@code groups/{id}}, {@code sites/{id}} or {@code me};
 * everything else (directory listings, $batch, pre-authenticated hosts) shares {@link #TENANT}.
 */
public final class ThrottleKeys {
    public static final String TENANT = "tenant";
    private static final List<String> PER_RESOURCE = List.of("users", "drives", "groups", "sites");

    private ThrottleKeys() {
    }

    public static String of(HttpUrl url) {
        List<String> segs = graphPath(url);
        if (segs.isEmpty()) {
            return TENANT;
        }
        String kind = segs.get(0);
        if (kind.equals("me")) {
            return "me";
        }
        if (PER_RESOURCE.contains(kind) && segs.size() > 1 && isResourceId(segs.get(1))) {
            // UPNs are case-insensitive: one mailbox, one key.
            return kind + "/" + segs.get(1);
        }
        return TENANT;
    }

    /**
     * The lower-cased path segments after the version ({@code v1.0}, {@code beta}) and anything
     * before it, e.g. a proxy prefix; empty for a URL without one, which is not Graph's (a
     * SharePoint download URL's {@code /sites/{name}/_layouts/...} names no Graph resource).
     */
    static List<String> graphPath(HttpUrl url) {
        List<String> segs = url.pathSegments();
        for (int k = 0; k < segs.size(); k++) {
            if (segs.get(k).equals("v1.0") || segs.get(k).equals("beta")) {
                return segs.subList(k + 1, segs.size()).stream().filter(x -> !x.isEmpty()).map(x -> x.toLowerCase(Locale.ROOT)).toList();
            }
        }
        return List.of();
    }

    /** Not a collection-level function such as {@code users/delta()}, {@code sites/getAllSites} or {@code $count}. */
    private static boolean isResourceId(String seg) {
        String s = seg.toLowerCase(Locale.ROOT);
        return !s.isEmpty() && !s.startsWith("$") && !s.contains("(") && !s.equals("delta")
                && !s.startsWith("getall") && !s.startsWith("microsoft.graph.");
    }
}
