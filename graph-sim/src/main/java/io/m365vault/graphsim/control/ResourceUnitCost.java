package io.m365vault.graphsim.control;

import io.m365vault.graphsim.http.Req;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What SharePoint charges a Microsoft Graph request, in resource units, as Microsoft publishes it:
 * 1 for a single item (a get, a delta with a token, a file download), 2 for several items (a
 * listing, a delta without a token) and for every write, 5 for permission operations
 * ({@code $expand=permissions} included). Requests outside SharePoint (mail, directory) cost 0.
 */
public final class ResourceUnitCost {
    public static final int DOWNLOAD = 1;
    /** Single-valued navigations: one item although the path has an odd number of segments. */
    private static final Set<String> SINGLE = Set.of("content", "fields", "drive", "root", "analytics");

    private ResourceUnitCost() {
    }

    /** {@code req}'s cost, its segments already rewritten to {@code drives/{id}/items/...}. */
    public static int of(Req req) {
        List<String> s = lower(req.segments);
        if (!sharePoint(s)) {
            return 0;
        }
        String expand = req.q("$expand");
        if (s.contains("permissions") || (expand != null && expand.toLowerCase(Locale.ROOT).contains("permissions"))) {
            return 5;
        }
        if (!req.method.equals("GET")) {
            return 2;
        }
        String last = s.get(s.size() - 1);
        if (last.equals("delta")) {
            return hasToken(req) ? 1 : 2;
        }
        if (last.equals("getallsites") || (s.size() % 2 == 1 && !SINGLE.contains(last) && !last.startsWith("microsoft.graph."))) {
            return 2;
        }
        return 1;
    }

    /** Drives and sites live in SharePoint, whoever owns them. */
    private static boolean sharePoint(List<String> s) {
        if (s.isEmpty()) {
            return false;
        }
        String kind = s.get(0);
        if (kind.equals("drives") || kind.equals("sites")) {
            return true;
        }
        return (kind.equals("users") || kind.equals("groups")) && s.size() >= 3 && (s.get(2).equals("drives") || s.get(2).equals("drive")
                || s.get(2).equals("sites"));
    }

    private static boolean hasToken(Req req) {
        return req.q("token") != null || req.functionArgs.containsKey("token") || req.q("$skiptoken") != null || req.q("$deltatoken") != null;
    }

    private static List<String> lower(List<String> segs) {
        return segs.stream().map(x -> x.toLowerCase(Locale.ROOT)).toList();
    }
}
