package io.m365vault.graph;

import okhttp3.HttpUrl;

import java.util.List;
import java.util.Locale;

/**
 * Our estimate of what SharePoint charges a request, in resource units (Microsoft's published
 * costs for Graph: 1 for one item, a delta with a token or a download; 2 for a listing, a delta
 * without a token or any write; 5 for permissions). Requests outside SharePoint (mail, the
 * directory) cost 0 and are never paced by SharePoint's budget. Where the kind is unclear the
 * higher cost is taken: an estimate too high only slows pacing, one too low earns 429s.
 */
final class ResourceUnitEstimate {
    private ResourceUnitEstimate() {
    }

    /** Units of {@code method url}; {@code download}: a pre-authenticated download URL a drive issued (SharePoint's have no fixed form). */
    static int of(String method, HttpUrl url, boolean download) {
        List<String> raw = url.pathSegments();
        if (download || raw.get(raw.size() - 1).equalsIgnoreCase("download.aspx")) {
            return 1;
        }
        List<String> segs = ThrottleKeys.graphPath(url);
        if (segs.isEmpty() || !inSharePoint(segs)) {
            return 0;
        }
        String path = String.join("/", segs);
        String query = url.encodedQuery() == null ? "" : url.encodedQuery().toLowerCase(Locale.ROOT);
        if (path.contains("permissions") || query.contains("permissions")) {
            return 5;
        }
        if (!method.equals("GET")) {
            return 2;
        }
        String last = segs.get(segs.size() - 1);
        if (last.startsWith("delta")) {
            return last.contains("token=") || query.contains("token=") ? 1 : 2;
        }
        if (last.equals("content")) {
            return 2; // the request, and the download it is redirected to
        }
        if (last.contains("(")) {
            return 2; // a function such as getAllSites(): a listing
        }
        // drives/{d}, drives/{d}/items/{i}, sites/{s}, users/{u}/drive: one item; anything else may be a listing.
        return segs.size() % 2 == 0 || last.equals("drive") || last.equals("root") ? 1 : 2;
    }

    private static boolean inSharePoint(List<String> s) {
        String kind = s.get(0);
        if (kind.equals("drives") || kind.equals("sites")) {
            return true;
        }
        int owned = kind.equals("me") ? 1 : kind.equals("users") || kind.equals("groups") ? 2 : -1;
        return owned > 0 && s.size() > owned && (s.get(owned).startsWith("drive") || s.get(owned).equals("sites"));
    }
}
