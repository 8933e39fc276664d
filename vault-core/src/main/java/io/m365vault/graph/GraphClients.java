package io.m365vault.graph;

import com.azure.core.credential.TokenCredential;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.http.KiotaClientFactory;
import com.microsoft.kiota.http.middleware.RetryHandler;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the Graph clients of one tenant: the SDK's own middleware with Kiota's RetryHandler
 * replaced by the {@link ThrottleInterceptor}, the ISV {@link UserAgent}, and no call timeout. One client serves API calls
 * and content downloads alike: OkHttp's call timeout spans the interceptors, so it would count
 * the governor's waits (a budget wait can last minutes) as well as long downloads; the read
 * timeout still ends a connection on which no byte arrives for {@link #READ_TIMEOUT}.
 */
public final class GraphClients {
    private static final Logger LOG = LoggerFactory.getLogger(GraphClients.class);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(100);

    private GraphClients() {
    }

    /** A tenant's Graph with a governor of its own. */
    public static TenantGraph create(GraphSettings settings, ThrottleConfig throttle) {
        return create(settings, new ThrottleGovernor(throttle));
    }

    /** A tenant's Graph under {@code governor}: give every client of one tenant the same governor. */
    public static TenantGraph create(GraphSettings settings, ThrottleGovernor governor) {
        OkHttpClient http = httpClient(governor);
        // One credential for Graph and SharePoint REST, so its token cache serves both.
        TokenCredential credential = GraphCredentials.credential(settings);
        GraphServiceClient sdk = new GraphServiceClient(GraphCredentials.provider(credential, settings.host(), settings.scope()), http);
        sdk.getRequestAdapter().setBaseUrl(settings.baseUrl());
        LOG.info("graph client baseUrl={} auth={} maxInFlight={} budget={}/{}s", settings.baseUrl(), settings.auth(),
                governor.config().maxInFlight(), governor.config().requestsPerWindow(), governor.config().window().toSeconds());
        return new TenantGraph(settings, credential, sdk, http, governor);
    }

    /** The SDK's default Graph middleware, governed, without a call timeout. */
    public static OkHttpClient httpClient(ThrottleGovernor governor) {
        List<Interceptor> chain = new ArrayList<>();
        chain.add(new UserAgent()); // first, so that the SDK's user-agent handler adds its token to ours
        boolean placed = false;
        for (Interceptor i : GraphClientFactory.createDefaultGraphInterceptors(GraphServiceClient.getGraphClientOptions())) {
            if (i instanceof RetryHandler) {
                chain.add(new ThrottleInterceptor(governor));
                placed = true;
            } else {
                chain.add(i);
            }
        }
        if (!placed) {
            // An SDK without a RetryHandler in its defaults: govern before the redirect handling anyway.
            chain.add(1, new ThrottleInterceptor(governor));
        }
        // KiotaClientFactory takes the list as is; GraphClientFactory.create(list) would add the defaults (RetryHandler too) first.
        return KiotaClientFactory.create(chain.toArray(new Interceptor[0]))
                .callTimeout(Duration.ZERO)
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT)
                .build();
    }
}
