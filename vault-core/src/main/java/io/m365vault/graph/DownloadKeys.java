package io.m365vault.graph;

import okhttp3.HttpUrl;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pre-authenticated download URLs and the drive that issued each: SharePoint's
 * ({@code https://{tenant}.sharepoint.com/{site}/_layouts/15/download.aspx?UniqueId=...&tempauth=...})
 * do not name the drive, so the item that carried the URL tells, when it is read. A download is
 * then throttled as its drive's, not as the whole tenant's. Bounded: URLs live minutes, and one
 * forgotten only falls back to the tenant key.
 */
final class DownloadKeys {
    static final int MAX = 10_000;
    private final Map<String, String> byUrl = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX;
        }
    };

    /** {@code url} was issued by the resource whose throttle key is {@code key}. */
    synchronized void register(String url, String key) {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed != null) {
            byUrl.put(parsed.toString(), key);
        }
    }

    /** The issuing drive's key, or null for a URL never registered. */
    synchronized String key(HttpUrl url) {
        return byUrl.get(url.toString());
    }
}
