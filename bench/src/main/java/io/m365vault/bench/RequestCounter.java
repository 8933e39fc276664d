package io.m365vault.bench;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;

/** Counts the HTTP requests a client sends (each retry too): storage requests are what Azure bills and throttles. */
final class RequestCounter implements HttpPipelinePolicy {
    private final AtomicLong requests = new AtomicLong();

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        requests.incrementAndGet();
        return next.process();
    }

    long requests() {
        return requests.get();
    }
}
