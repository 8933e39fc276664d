package io.m365vault.graphsim;

import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestOption;
import com.microsoft.kiota.authentication.AnonymousAuthenticationProvider;
import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;

/** The real Graph SDK v6 pointed at a simulator, as the backup will use it. */
final class SdkClients {
    private SdkClients() {
    }

    static GraphServiceClient forSim(GraphSim sim) {
        GraphServiceClient client = new GraphServiceClient(new AnonymousAuthenticationProvider());
        client.getRequestAdapter().setBaseUrl(sim.baseUrl());
        return client;
    }

    /** Turns the SDK's own retries off for a request, so a test sees the 429/503 itself. */
    static RequestOption noRetry() {
        return new RetryHandlerOption((delay, attempt, request, response) -> false, 0, 0);
    }
}
