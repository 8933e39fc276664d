package io.m365vault.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.HttpMethod;
import com.microsoft.kiota.RequestAdapter;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.HashMap;

/**
 * {@link GraphReader} through the Graph SDK's request adapter, so authentication, the SDK's
 * middleware and the throttle governor installed in it apply to every call. Asks for immutable
 * ids, so a message keeps its id when it moves between folders.
 */
public final class SdkGraphReader implements GraphReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HashMap<String, ParsableFactory<? extends Parsable>> ERRORS = new HashMap<>();

    static {
        ERRORS.put("XXX", ODataError::createFromDiscriminatorValue);
    }

    private final RequestAdapter adapter;
    private final int pageSize;

    public SdkGraphReader(GraphServiceClient client, int pageSize) {
        this.adapter = client.getRequestAdapter();
        this.pageSize = pageSize;
    }

    @Override
    public JsonNode get(String pathOrUrl) throws IOException {
        try (InputStream in = open(pathOrUrl)) {
            return JSON.readTree(in);
        }
    }

    @Override
    public InputStream open(String pathOrUrl) throws IOException {
        URI uri = uri(pathOrUrl);
        RequestInformation request = new RequestInformation();
        request.httpMethod = HttpMethod.GET;
        request.setUri(uri);
        request.headers.add("Prefer", "odata.maxpagesize=" + pageSize);
        request.headers.add("Prefer", "IdType=\"ImmutableId\"");
        try {
            InputStream in = adapter.sendPrimitive(request, ERRORS, InputStream.class);
            return in == null ? InputStream.nullInputStream() : in;
        } catch (ApiException e) {
            String code = e instanceof ODataError o && o.getError() != null ? o.getError().getCode() : "";
            switch (e.getResponseStatusCode()) {
                case 410 -> throw new SyncStateExpiredException(uri.toString(), code);
                case 404 -> throw new GraphNotFoundException(uri.toString(), code);
                default -> throw new IOException("Graph answered " + e.getResponseStatusCode()
                        + (code.isEmpty() ? "" : " (" + code + ")") + " for GET " + uri, e);
            }
        }
    }

    private URI uri(String pathOrUrl) {
        if (pathOrUrl.startsWith("https://") || pathOrUrl.startsWith("http://")) {
            return URI.create(pathOrUrl);
        }
        String base = adapter.getBaseUrl();
        return URI.create(base.endsWith("/") ? base + pathOrUrl : base + "/" + pathOrUrl);
    }
}
