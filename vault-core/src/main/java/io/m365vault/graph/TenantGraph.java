package io.m365vault.graph;

import com.azure.core.credential.TokenCredential;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.http.OkHttpRequestAdapter;
import io.m365vault.config.Setting;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.OkHttpClient;

/**
 * One tenant's Graph: the typed SDK client, raw requests (absolute links, streamed content)
 * and the governor both go through. Build with {@link GraphClients#create}.
 */
public final class TenantGraph implements AutoCloseable {
    private final GraphSettings settings;
    private final GraphServiceClient sdk;
    private final OkHttpClient http;
    private final ThrottleGovernor governor;
    private final GraphRequests requests;
    private final TokenCredential credential;
    /** SharePoint REST's requests by origin ({@code https://contoso.sharepoint.com}), each signed for its own host. */
    private final Map<String, GraphRequests> sharePoint = new ConcurrentHashMap<>();

    TenantGraph(GraphSettings settings, TokenCredential credential, GraphServiceClient sdk, OkHttpClient http, ThrottleGovernor governor) {
        this.settings = settings;
        this.credential = credential;
        this.sdk = sdk;
        this.http = http;
        this.governor = governor;
        this.requests = new GraphRequests(sdk.getRequestAdapter(), http, governor, new Refusals(settings));
    }

    public GraphServiceClient sdk() {
        return sdk;
    }

    public GraphRequests requests() {
        return requests;
    }

    public ThrottleGovernor governor() {
        return governor;
    }

    /**
     * Requests to SharePoint REST at {@code url}'s origin: the same governed OkHttp chain, tokens for
     * that host's own scope ({@code https://contoso.sharepoint.com/.default}). A 401 or 403 there is the
     * request's ({@link GraphStatusException}): SharePoint refusing app-only tokens got with a client
     * secret does not make Graph's requests fail.
     */
    public GraphRequests sharePoint(String url) {
        URI u = URI.create(url);
        String origin = u.getScheme() + "://" + u.getRawAuthority();
        return sharePoint.computeIfAbsent(origin, o -> {
            OkHttpRequestAdapter adapter = new OkHttpRequestAdapter(GraphCredentials.provider(credential, u.getHost(), o + "/.default"), null, null, http);
            adapter.setBaseUrl(o);
            return new GraphRequests(adapter, http, governor, Refusals.ofTokenOnly(settings));
        });
    }

    /**
     * Why SharePoint REST will refuse this app's app-only tokens, or null when it takes them (a
     * certificate, a managed identity, or no token at all for a simulator over http).
     */
    public String sharePointRefusal() {
        return settings.auth() == GraphSettings.Auth.CLIENT_SECRET
                ? "the app signs in with a client secret (" + Setting.GRAPH_CLIENT_SECRET + "), and SharePoint REST refuses app-only tokens got "
                        + "with a secret; give the app a certificate (" + Setting.GRAPH_CLIENT_CERT + ") to back them up"
                : null;
    }

    public GraphSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
