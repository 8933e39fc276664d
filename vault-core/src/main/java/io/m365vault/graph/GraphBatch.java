package io.m365vault.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * JSON batching ({@code POST /$batch}, at most {@value #MAX_STEPS} steps a request) that
 * re-submits the steps answered 429, 503 or 504: inside a batch each step is throttled on its
 * own and the SDK does not retry them. A 429 step pauses its key in the governor and the next
 * round waits for the longest Retry-After. Steps must not depend on each other ({@code dependsOn}).
 * The {@code $batch} request itself is governed under the tenant key.
 */
public final class GraphBatch {
    public static final int MAX_STEPS = 20;
    private static final Logger LOG = LoggerFactory.getLogger(GraphBatch.class);
    private final GraphRequests requests;
    private final ThrottleGovernor governor;

    public GraphBatch(TenantGraph graph) {
        this.requests = graph.requests();
        this.governor = graph.governor();
    }

    /** Runs every step, {@value #MAX_STEPS} a request; returns the results by step id, in the steps' order. */
    public Map<String, BatchResult> run(List<BatchStep> steps) throws IOException {
        Map<String, BatchStep> pending = new LinkedHashMap<>();
        for (BatchStep s : steps) {
            if (pending.put(s.id(), s) != null) {
                throw new IllegalArgumentException("batch step ids must be unique; '" + s.id() + "' repeats");
            }
        }
        Map<String, BatchResult> done = new HashMap<>();
        for (int round = 1; !pending.isEmpty(); round++) {
            Map<String, BatchStep> again = new LinkedHashMap<>();
            Duration wait = Duration.ZERO;
            List<BatchStep> all = new ArrayList<>(pending.values());
            for (int from = 0; from < all.size(); from += MAX_STEPS) {
                for (BatchResult r : submit(all.subList(from, Math.min(all.size(), from + MAX_STEPS)))) {
                    BatchStep step = pending.get(r.id());
                    if (step == null) {
                        throw new IOException("$batch answered an unknown step id '" + r.id() + "'");
                    }
                    if (r.status() != 429 && r.status() != 503 && r.status() != 504) {
                        done.put(r.id(), r);
                        continue;
                    }
                    String key = ThrottleKeys.of(HttpUrl.get(requests.url(step.url())));
                    Duration asked = RetryAfter.parse(header(r, "Retry-After"), Instant.now());
                    if (r.status() == 429) {
                        governor.listener().throttled(key, step.url(), asked);
                        governor.throttled(key, asked);
                    }
                    if (round >= governor.config().maxAttempts()) {
                        governor.failed(key);
                        throw new GraphRetriesExhaustedException(step.method(), "$batch step " + step.id() + " " + step.url(), round, r.status(),
                                errorSummary(r), null);
                    }
                    governor.retried(key);
                    again.put(step.id(), step);
                    wait = max(wait, asked.isZero() ? Backoff.delay(governor.config(), round) : asked);
                }
            }
            if (!again.isEmpty()) {
                LOG.debug("batch round={} resubmitting={} waitMs={}", round, again.size(), wait.toMillis());
                sleep(wait);
            }
            pending = again;
        }
        Map<String, BatchResult> ordered = new LinkedHashMap<>();
        for (BatchStep s : steps) {
            ordered.put(s.id(), done.get(s.id()));
        }
        return ordered;
    }

    private List<BatchResult> submit(List<BatchStep> steps) throws IOException {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        var arr = body.putArray("requests");
        for (BatchStep s : steps) {
            ObjectNode o = arr.addObject().put("id", s.id()).put("method", s.method()).put("url", s.url());
            if (!s.headers().isEmpty()) {
                ObjectNode h = o.putObject("headers");
                s.headers().forEach(h::put);
            }
            if (s.body() != null) {
                o.set("body", s.body());
                if (!s.headers().containsKey("Content-Type")) {
                    o.with("headers").put("Content-Type", "application/json");
                }
            }
        }
        JsonNode answer = requests.postJson("/$batch", body);
        List<BatchResult> out = new ArrayList<>();
        for (JsonNode r : answer.path("responses")) {
            Map<String, String> headers = new LinkedHashMap<>();
            r.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
            out.add(new BatchResult(r.path("id").asText(), r.path("status").asInt(), headers, r.get("body")));
        }
        if (out.size() != steps.size()) {
            throw new IOException("$batch answered " + out.size() + " responses to " + steps.size() + " steps");
        }
        return out;
    }

    private static String header(BatchResult r, String name) {
        for (Map.Entry<String, String> e : r.headers().entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String errorSummary(BatchResult r) {
        JsonNode e = r.body() == null ? null : r.body().path("error");
        return e == null || e.isMissingNode() ? "" : e.path("code").asText("");
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static void sleep(Duration d) throws InterruptedIOException {
        try {
            TimeUnit.NANOSECONDS.sleep(d.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to resubmit throttled batch steps");
        }
    }
}
