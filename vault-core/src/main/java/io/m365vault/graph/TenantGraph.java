package io.m365vault.graph;

import com.microsoft.graph.serviceclient.GraphServiceClient;
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

    TenantGraph(GraphSettings settings, GraphServiceClient sdk, OkHttpClient http, ThrottleGovernor governor) {
        this.settings = settings;
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

    public GraphSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
