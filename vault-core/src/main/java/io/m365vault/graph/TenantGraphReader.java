package io.m365vault.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * {@link GraphReader} over a tenant's Graph: requests go through the SDK's middleware and the
 * throttle governor, downloads resume where a connection was cut. Asks for immutable ids on
 * every request, content downloads included, so a message keeps its id when it moves. SharePoint
 * REST URLs (a site's {@code _api}) go the same way, signed for SharePoint's host.
 */
public final class TenantGraphReader implements GraphReader {
    private static final String IMMUTABLE_IDS = "IdType=\"ImmutableId\"";
    private final TenantGraph graph;
    private final Map<String, String> headers;
    private final Map<String, String> contentHeaders = Map.of("Prefer", IMMUTABLE_IDS);
    /** SharePoint REST's plain JSON: {@code value} arrays and bare properties, no {@code d} wrapper or metadata. */
    private static final Map<String, String> SHAREPOINT_JSON = Map.of("Accept", "application/json;odata=nometadata");

    public TenantGraphReader(TenantGraph graph, int pageSize) {
        this.graph = graph;
        this.headers = Map.of("Prefer", "odata.maxpagesize=" + pageSize + ", " + IMMUTABLE_IDS);
    }

    @Override
    public JsonNode get(String pathOrUrl) throws IOException {
        try {
            if (sharePoint(pathOrUrl)) {
                return graph.sharePoint(pathOrUrl).getJson(pathOrUrl, SHAREPOINT_JSON);
            }
            return graph.requests().getJson(absolute(pathOrUrl), headers);
        } catch (GraphStatusException e) {
            throw translate(e);
        }
    }

    @Override
    public InputStream open(String pathOrUrl) throws IOException {
        return open(pathOrUrl, 0);
    }

    @Override
    public InputStream open(String pathOrUrl, long from) throws IOException {
        try {
            if (sharePoint(pathOrUrl)) {
                return graph.sharePoint(pathOrUrl).open(pathOrUrl, Map.of(), from);
            }
            return graph.requests().open(absolute(pathOrUrl), contentHeaders, from);
        } catch (GraphStatusException e) {
            throw translate(e);
        }
    }

    @Override
    public void issued(String downloadUrl, String issuerPath) {
        graph.governor().issued(downloadUrl, graph.requests().url(absolute(issuerPath)));
    }

    @Override
    public String sharePointRefusal() {
        return graph.sharePointRefusal();
    }

    /** A SharePoint REST URL ({@code {site}/_api/...}), not one under Graph's base URL nor a download URL. */
    private boolean sharePoint(String pathOrUrl) {
        return (pathOrUrl.startsWith("https://") || pathOrUrl.startsWith("http://")) && pathOrUrl.contains("/_api/")
                && !pathOrUrl.startsWith(graph.settings().baseUrl() + "/");
    }

    private static String absolute(String pathOrUrl) {
        return pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://") || pathOrUrl.startsWith("/")
                ? pathOrUrl : "/" + pathOrUrl;
    }

    private static GraphStatusException translate(GraphStatusException e) {
        return switch (e.status()) {
            case 410 -> new DeltaExpiredException(e);
            case 404 -> new GraphNotFoundException(e);
            default -> e;
        };
    }
}
