package io.m365vault.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.kiota.HttpMethod;
import com.microsoft.kiota.RequestAdapter;
import com.microsoft.kiota.RequestInformation;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * Requests the typed SDK has no builder for: a GET of an absolute link (nextLink, deltaLink)
 * as JSON, and a streamed body ({@code messages/{id}/$value}, {@code drive items/{id}/content},
 * which answers 302 to a pre-authenticated URL). The SDK's adapter signs them, the SDK's
 * OkHttp chain (and so the governor) carries them.
 */
public final class GraphRequests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final RequestAdapter adapter;
    private final OkHttpClient http;
    private final ThrottleGovernor governor;
    private final Refusals refusals;

    GraphRequests(RequestAdapter adapter, OkHttpClient http, ThrottleGovernor governor, Refusals refusals) {
        this.adapter = adapter;
        this.http = http;
        this.governor = governor;
        this.refusals = refusals;
    }

    /** {@code pathOrUrl} as an absolute URL: a path such as {@code /users/x/messages} goes under the base URL. */
    public String url(String pathOrUrl) {
        if (pathOrUrl.startsWith("https://") || pathOrUrl.startsWith("http://")) {
            return pathOrUrl;
        }
        if (!pathOrUrl.startsWith("/")) {
            throw new IllegalArgumentException("a Graph path starts with '/', got " + pathOrUrl);
        }
        return adapter.getBaseUrl() + pathOrUrl;
    }

    /**
     * The absolute URL of a request the typed SDK built, e.g.
     * {@code sdk.users().byUserId(u).mailFolders().byMailFolderId(f).messages().delta().toGetRequestInformation(rc -> ...)}:
     * the URL form Kiota sends ({@code .../messages/delta()} with its query).
     */
    public String url(RequestInformation built) {
        built.pathParameters.put("baseurl", adapter.getBaseUrl());
        try {
            return built.getUri().toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the SDK built an invalid URL: " + e.getMessage(), e);
        }
    }

    /** GET as JSON; an error status gives a {@link GraphStatusException} with Graph's error code. */
    public JsonNode getJson(String pathOrUrl, Map<String, String> headers) throws IOException {
        try (Response r = get(pathOrUrl, headers)) {
            String where = ThrottleInterceptor.withoutQuery(r.request().url());
            if (!r.isSuccessful()) {
                throw new GraphStatusException("GET", where, r.code(), GraphErrorBody.parse(r.body().bytes()));
            }
            try (InputStream in = r.body().byteStream()) {
                return JSON.readTree(in);
            }
        }
    }

    /**
     * The body of {@code pathOrUrl} as a stream, following a redirect to a download host. A
     * connection cut midway is resumed (Range from the byte reached, or the bytes already read
     * skipped when the server ignores Range) within the governor's attempts. Close the stream:
     * it holds one of its key's in-flight slots until then.
     */
    public InputStream open(String pathOrUrl, Map<String, String> headers) throws IOException {
        return open(pathOrUrl, headers, 0);
    }

    /** As {@link #open(String, Map)}, from byte {@code from} of the body on (a download resumed on a fresh URL). */
    public InputStream open(String pathOrUrl, Map<String, String> headers, long from) throws IOException {
        String url = url(pathOrUrl);
        return new ResumingStream(this, url, headers, governor.keyOf(okhttp3.HttpUrl.get(url)), governor, from);
    }

    /** POST of a JSON body, answered as JSON; an error status gives a {@link GraphStatusException}. */
    public JsonNode postJson(String pathOrUrl, JsonNode body) throws IOException {
        return send(HttpMethod.POST, pathOrUrl, JSON.writeValueAsBytes(body), "application/json");
    }

    /** PATCH of a JSON body (a change to an item), answered as JSON. */
    public JsonNode patchJson(String pathOrUrl, JsonNode body) throws IOException {
        return send(HttpMethod.PATCH, pathOrUrl, JSON.writeValueAsBytes(body), "application/json");
    }

    /**
     * Any write: {@code body} null sends none (DELETE, an action such as permanentDelete), else
     * the bytes with their {@code contentType} (a photo's PUT). Answered as JSON, or null when the
     * answer has no body (204); an error status gives a {@link GraphStatusException}.
     */
    public JsonNode send(HttpMethod method, String pathOrUrl, byte[] body, String contentType) throws IOException {
        return send(method, pathOrUrl, body, contentType, Map.of());
    }

    /** As {@link #send(HttpMethod, String, byte[], String)} with more headers (an upload session's Content-Range). */
    public JsonNode send(HttpMethod method, String pathOrUrl, byte[] body, String contentType, Map<String, String> headers) throws IOException {
        RequestInformation info = new RequestInformation();
        info.httpMethod = method;
        info.setUri(URI.create(url(pathOrUrl)));
        if (body != null) {
            info.setStreamContent(new ByteArrayInputStream(body), contentType);
        }
        headers.forEach((k, v) -> info.headers.add(k, v));
        try (Response r = answered(method.name(), http.newCall(sign(info)).execute())) {
            if (!r.isSuccessful()) {
                throw new GraphStatusException(method.name(), ThrottleInterceptor.withoutQuery(r.request().url()), r.code(),
                        GraphErrorBody.parse(r.body().bytes()));
            }
            byte[] answer = r.body().bytes();
            return answer.length == 0 ? null : JSON.readTree(answer);
        }
    }

    /** A GET as it comes back, any status; the caller closes it. */
    Response get(String pathOrUrl, Map<String, String> headers) throws IOException {
        RequestInformation info = new RequestInformation();
        info.httpMethod = HttpMethod.GET;
        info.setUri(URI.create(url(pathOrUrl)));
        headers.forEach((k, v) -> info.headers.add(k, v));
        return answered("GET", http.newCall(sign(info)).execute());
    }

    /**
     * The request as OkHttp sends it, with the token the credential asks Entra ID for.
     *
     * @throws CredentialsRefusedException when Entra ID refuses the credentials (not retried)
     */
    private Request sign(RequestInformation info) {
        try {
            return adapter.convertToNativeRequest(info);
        } catch (RuntimeException e) {
            CredentialsRefusedException refused = refusals.token(e);
            throw refused != null ? refused : e;
        }
    }

    /**
     * The response, unless it refuses the app's credentials or permissions.
     *
     * @throws CredentialsRefusedException for the app's refusals; a 401 or 403 of one item is returned as it is
     */
    private Response answered(String method, Response r) throws IOException {
        if (r.code() == 401 || r.code() == 403) {
            CredentialsRefusedException refused = refusals.answer(method, ThrottleInterceptor.withoutQuery(r.request().url()), r.code(),
                    GraphErrorBody.parse(r.peekBody(8192).bytes()));
            if (refused != null) {
                r.close();
                throw refused;
            }
        }
        refusals.accepted(r.code());
        return r;
    }

    /** A GET answered with one of the {@code accepted} statuses; other statuses become {@link GraphStatusException}. */
    Response getExpecting(String url, Map<String, String> headers, int... accepted) throws IOException {
        Response r = get(url, headers);
        for (int a : accepted) {
            if (r.code() == a) {
                return r;
            }
        }
        try (r) {
            throw new GraphStatusException("GET", ThrottleInterceptor.withoutQuery(r.request().url()), r.code(), GraphErrorBody.parse(r.body().bytes()));
        }
    }
}
