package io.m365vault.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;

/**
 * What backups and the planner need of Graph: JSON pages and content streams, by a path under
 * the base URL (e.g. {@code users/{id}/mailFolders/delta()}) or by an absolute nextLink or
 * deltaLink. The JSON stays as Graph sent it, so the catalog keeps Graph's own shapes.
 * Errors: {@link GraphNotFoundException} for 404, {@link DeltaExpiredException} for 410, other
 * statuses {@link GraphStatusException}, and {@link GraphRetriesExhaustedException} when
 * throttling or failures outlast the retries.
 */
public interface GraphReader {
    JsonNode get(String pathOrUrl) throws IOException;

    /** GET of bytes, e.g. a message's {@code $value}; the caller closes the stream. */
    InputStream open(String pathOrUrl) throws IOException;

    /**
     * {@code downloadUrl}, a pre-authenticated URL, came from the item at {@code issuerPath} (e.g.
     * {@code drives/{id}/items/{id}}): its downloads are throttled as that drive's requests, and
     * still spend the tenant's SharePoint units. Readers without throttling ignore it.
     */
    default void issued(String downloadUrl, String issuerPath) {
    }

    /**
     * Why SharePoint REST (which serves what Graph lacks: list item attachments, by absolute URLs
     * under a site's {@code webUrl}) will refuse this reader's requests, or null when it can be called.
     */
    default String sharePointRefusal() {
        return null;
    }

    /**
     * GET of bytes from byte {@code from} on, e.g. a download resumed on a fresh pre-authenticated
     * URL. Readers that can ask for a range ({@link TenantGraphReader}) do; this one reads and drops.
     */
    default InputStream open(String pathOrUrl, long from) throws IOException {
        InputStream in = open(pathOrUrl);
        in.skipNBytes(from);
        return in;
    }
}
