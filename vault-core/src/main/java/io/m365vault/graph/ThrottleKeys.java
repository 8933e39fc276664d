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
        List<String> segs = url.pathSegments();
        int i = 0;
        // Skip the version segment (v1.0, beta) and anything before it, e.g. a proxy prefix.
        for (int k = 0; k < segs.size(); k++) {
            String s = segs.get(k);
            if (s.equals("v1.0") || s.equals("beta")) {
                i = k + 1;
                break;
            }
        }
        if (i >= segs.size()) {
            return TENANT;
        }
        String kind = segs.get(i).toLowerCase(Locale.ROOT);
        if (kind.equals("me")) {
            return "me";
        }
        if (PER_RESOURCE.contains(kind) && i + 1 < segs.size() && isResourceId(segs.get(i + 1))) {
            // UPNs are case-insensitive: one mailbox, one key.
            return kind + "/" + segs.get(i + 1).toLowerCase(Locale.ROOT);
        }
        return TENANT;
    }

    /** Not a collection-level function such as {@code users/delta()}, {@code sites/getAllSites} or {@code $count}. */
    private static boolean isResourceId(String seg) {
        String s = seg.toLowerCase(Locale.ROOT);
        return !s.isEmpty() && !s.startsWith("$") && !s.contains("(") && !s.equals("delta")
                && !s.startsWith("getall") && !s.startsWith("microsoft.graph.");
    }
}
