package io.m365vault.backup;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.graph.GraphStatusException;
import io.m365vault.graph.TenantGraph;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * {@link GraphReader} over a tenant's Graph: requests go through the SDK's middleware and the
 * throttle governor, downloads resume where a connection was cut. Asks for immutable ids, so a
 * message keeps its id when it moves between folders.
 */
public final class TenantGraphReader implements GraphReader {
    private final TenantGraph graph;
    private final Map<String, String> headers;

    public TenantGraphReader(TenantGraph graph, int pageSize) {
        this.graph = graph;
        this.headers = Map.of("Prefer", "odata.maxpagesize=" + pageSize + ", IdType=\"ImmutableId\"");
    }

    @Override
    public JsonNode get(String pathOrUrl) throws IOException {
        try {
            return graph.requests().getJson(absolute(pathOrUrl), headers);
        } catch (GraphStatusException e) {
            throw translate(e);
        }
    }

    @Override
    public InputStream open(String pathOrUrl) throws IOException {
        try {
            return graph.requests().open(absolute(pathOrUrl));
        } catch (GraphStatusException e) {
            throw translate(e);
        }
    }

    private static String absolute(String pathOrUrl) {
        return pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://") || pathOrUrl.startsWith("/")
                ? pathOrUrl : "/" + pathOrUrl;
    }

    private static IOException translate(GraphStatusException e) {
        return switch (e.status()) {
            case 410 -> new SyncStateExpiredException(e.url(), e.code());
            case 404 -> new GraphNotFoundException(e.url(), e.code());
            default -> e;
        };
    }
}
