package io.m365vault.backup;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;

/**
 * What the syncs need of Graph: JSON pages and content streams, by a path under the base URL
 * (e.g. {@code users/{id}/mailFolders/delta()}) or by an absolute nextLink/deltaLink. The JSON
 * stays as Graph sent it, so the catalog keeps Graph's own shapes.
 */
public interface GraphReader {
    /** GET as JSON; a 410 on a delta link is {@link SyncStateExpiredException}. */
    JsonNode get(String pathOrUrl) throws IOException;

    /** GET of bytes, e.g. a message's {@code $value}; the caller closes the stream. */
    InputStream open(String pathOrUrl) throws IOException;
}
