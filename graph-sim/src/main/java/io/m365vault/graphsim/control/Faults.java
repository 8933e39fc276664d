package io.m365vault.graphsim.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.SimConfig;
import io.m365vault.graphsim.http.GraphError;
import io.m365vault.graphsim.http.Json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Limits and faults, each switchable at start (the knobs) and at run time ({@link #update}):
 * per-mailbox concurrency and request windows answered with 429, random 503/504, injected
 * errors for the next N matching requests, latency, cut-off downloads, SharePoint's resource
 * units ({@link ResourceUnits}), content that never downloads.
 */
public final class Faults {
    private volatile int latencyMs;
    private volatile int mailboxConcurrency;
    private volatile int requestsPerWindow;
    private volatile int windowSeconds;
    private volatile int retryAfterSeconds;
    private volatile double rate503;
    private volatile double rate504;
    private volatile double resetRate;
    private volatile int downloadUrlTtlSeconds;
    private final ConcurrentHashMap<String, AtomicInteger> inflight = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, long[]> windows = new ConcurrentHashMap<>();
    private final List<Injection> injections = new ArrayList<>();
    private final ResourceUnits resourceUnits;
    /** Items whose content, or the content of anything under them, answers 503 for ever. */
    private final Set<String> unavailable = ConcurrentHashMap.newKeySet();

    /**
     * An error to answer for the next {@code remaining} requests whose path contains {@code path},
     * once {@code after} of them went through (a write failing midway: an upload's second slice).
     */
    private static final class Injection {
        final String path;
        final String method;
        final int status;
        final String code;
        /**
         * Instead of an error status: on the download host a download cut off midway; on Graph the
         * request served, then the connection dropped before the answer (a write done, its answer lost).
         */
        final boolean reset;
        int remaining;
        int after;

        Injection(String path, String method, int status, String code, boolean reset, int remaining, int after) {
            this.after = after;
            this.path = path;
            this.method = method;
            this.status = status;
            this.code = code;
            this.reset = reset;
            this.remaining = remaining;
        }
    }

    /** Releases a concurrency slot when the response is done. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    public Faults(SimConfig c) {
        latencyMs = c.latencyMs;
        mailboxConcurrency = c.mailboxConcurrency;
        requestsPerWindow = c.requestsPerWindow;
        windowSeconds = c.windowSeconds;
        retryAfterSeconds = c.retryAfterSeconds;
        rate503 = c.rate503;
        rate504 = c.rate504;
        resetRate = c.resetRate;
        downloadUrlTtlSeconds = c.downloadUrlTtlSeconds;
        resourceUnits = new ResourceUnits(c.resourceUnitsPerWindow, c.resourceUnitWindowSeconds);
    }

    /** SharePoint's resource-unit budget for drive and site requests. */
    public ResourceUnits resourceUnits() {
        return resourceUnits;
    }

    /**
     * The 503 to answer for the content of an item of {@code lineage} (the item's id, then its
     * parents' up to the root), or null: a OneNote notebook whose parts never download, as some
     * do in SharePoint, is a package id in {@code unavailableItems}.
     */
    public GraphError unavailableContent(List<String> lineage) {
        for (String id : lineage) {
            if (unavailable.contains(id)) {
                return unavailable();
            }
        }
        return null;
    }

    public int latencyMs() {
        return latencyMs;
    }

    public int downloadUrlTtlSeconds() {
        return downloadUrlTtlSeconds;
    }

    public boolean resetThisDownload() {
        return resetRate > 0 && ThreadLocalRandom.current().nextDouble() < resetRate;
    }

    /**
     * Admits a request for a mailbox/drive key (null: not limited) or throws the error to answer.
     * Order: injected faults, random 503/504, then the per-mailbox limits.
     */
    public Permit admit(String method, String path, String key) {
        GraphError injected = injected(method, path);
        if (injected != null) {
            throw injected;
        }
        double roll = ThreadLocalRandom.current().nextDouble();
        if (roll < rate503) {
            throw unavailable();
        }
        if (roll < rate503 + rate504) {
            throw new GraphError(504, "UnknownError", "The gateway did not receive a timely response from the upstream server.");
        }
        if (key == null) {
            return () -> { };
        }
        int window = requestsPerWindow;
        if (window > 0) {
            long[] w = windows.computeIfAbsent(key, k -> new long[2]);
            synchronized (w) {
                long now = System.currentTimeMillis();
                if (now - w[0] >= windowSeconds * 1000L) {
                    w[0] = now;
                    w[1] = 0;
                }
                if (++w[1] > window) {
                    long wait = Math.max(retryAfterSeconds, (w[0] + windowSeconds * 1000L - now + 999) / 1000);
                    throw throttled("TooManyRequests", "Too many requests. Application is over its request limit for this mailbox.", wait);
                }
            }
        }
        int limit = mailboxConcurrency;
        if (limit <= 0) {
            return () -> { };
        }
        AtomicInteger n = inflight.computeIfAbsent(key, k -> new AtomicInteger());
        if (n.incrementAndGet() > limit) {
            n.decrementAndGet();
            throw throttled("ApplicationThrottled", "Application is over its MailboxConcurrency limit.", retryAfterSeconds);
        }
        return n::decrementAndGet;
    }

    private GraphError throttled(String code, String message, long retryAfter) {
        return new GraphError(429, code, message).header("Retry-After", Long.toString(retryAfter));
    }

    private GraphError unavailable() {
        return new GraphError(503, "serviceNotAvailable", "The service is temporarily unavailable. Please retry later.")
                .header("Retry-After", Integer.toString(retryAfterSeconds));
    }

    /** The error of the first error injection matching the request, counted down; null when none matches. */
    public GraphError injected(String method, String path) {
        Injection i = take(method, path, false);
        return i == null ? null : errorFor(i.status, i.code);
    }

    /** Whether a reset injection matches this Graph request: it is then served and its answer dropped. */
    public boolean answerLost(String method, String path) {
        return take(method, path, true) != null;
    }

    /** What the download host does with its next request: null (serve it), a reset midway, or an error to answer. */
    public record DownloadFault(boolean reset, GraphError error) {
    }

    public DownloadFault download(String path) {
        Injection i = take("GET", path, null);
        return i == null ? null : new DownloadFault(i.reset, i.reset ? null : errorFor(i.status, i.code));
    }

    /** The first injection matching the request (of resets only, of errors only, or null: either), in the order given, counted down. */
    private Injection take(String method, String path, Boolean reset) {
        synchronized (injections) {
            Iterator<Injection> it = injections.iterator();
            while (it.hasNext()) {
                Injection i = it.next();
                if (path.toLowerCase().contains(i.path.toLowerCase()) && (i.method == null || i.method.equalsIgnoreCase(method))
                        && (reset == null || reset == i.reset)) {
                    if (i.after > 0) {
                        i.after--;
                        return null;
                    }
                    if (--i.remaining <= 0) {
                        it.remove();
                    }
                    return i;
                }
            }
        }
        return null;
    }

    private GraphError errorFor(int status, String code) {
        return switch (status) {
            case 429 -> throttled(code != null ? code : "TooManyRequests", "Too many requests.", retryAfterSeconds);
            case 503 -> unavailable();
            default -> new GraphError(status, code != null ? code : "UnknownError", "Injected fault " + status + ".");
        };
    }

    /** Applies the fields present in {@code j}; the rest stay as they are. Returns the result. */
    public ObjectNode update(JsonNode j, Runnable expireTokens, java.util.function.IntConsumer tokenTtl) {
        if (j.has("latencyMs")) {
            latencyMs = j.get("latencyMs").asInt();
        }
        if (j.has("mailboxConcurrency")) {
            mailboxConcurrency = j.get("mailboxConcurrency").asInt();
        }
        if (j.has("requestsPerWindow")) {
            requestsPerWindow = j.get("requestsPerWindow").asInt();
            windows.clear();
        }
        if (j.has("windowSeconds")) {
            windowSeconds = j.get("windowSeconds").asInt();
            windows.clear();
        }
        if (j.has("retryAfterSeconds")) {
            retryAfterSeconds = j.get("retryAfterSeconds").asInt();
        }
        if (j.has("rate503")) {
            rate503 = rate(j.get("rate503"));
        }
        if (j.has("rate504")) {
            rate504 = rate(j.get("rate504"));
        }
        if (j.has("resetRate")) {
            resetRate = rate(j.get("resetRate"));
        }
        if (j.has("downloadUrlTtlSeconds")) {
            downloadUrlTtlSeconds = j.get("downloadUrlTtlSeconds").asInt();
        }
        if (j.has("deltaTokenTtlSeconds")) {
            tokenTtl.accept(j.get("deltaTokenTtlSeconds").asInt());
        }
        if (j.path("expireDeltaTokens").asBoolean(false)) {
            expireTokens.run();
        }
        resourceUnits.update(j);
        if (j.has("unavailableItems")) {
            unavailable.clear();
            j.get("unavailableItems").forEach(id -> unavailable.add(id.asText()));
        }
        if (j.path("clearInjected").asBoolean(false)) {
            synchronized (injections) {
                injections.clear();
            }
        }
        for (JsonNode i : j.path("inject")) {
            String path = Json.text(i, "path", null);
            int status = i.path("status").asInt(0);
            boolean reset = i.path("reset").asBoolean(false);
            if (path == null || (status < 400 && !reset)) {
                throw GraphError.badRequest("BadRequest", "inject entries need a path and an error status or \"reset\": true, e.g. {\"path\":\"messages/delta\",\"status\":429,\"count\":2}");
            }
            synchronized (injections) {
                injections.add(new Injection(path, Json.text(i, "method", null), status, Json.text(i, "code", null), reset, i.path("count").asInt(1),
                        i.path("after").asInt(0)));
            }
        }
        return json();
    }

    private static double rate(JsonNode n) {
        double d = n.asDouble();
        if (d < 0 || d > 1) {
            throw GraphError.badRequest("BadRequest", "rates must be between 0 and 1");
        }
        return d;
    }

    public ObjectNode json() {
        ObjectNode j = Json.obj();
        j.put("latencyMs", latencyMs);
        j.put("mailboxConcurrency", mailboxConcurrency);
        j.put("requestsPerWindow", requestsPerWindow);
        j.put("windowSeconds", windowSeconds);
        j.put("retryAfterSeconds", retryAfterSeconds);
        j.put("rate503", rate503);
        j.put("rate504", rate504);
        j.put("resetRate", resetRate);
        j.put("downloadUrlTtlSeconds", downloadUrlTtlSeconds);
        resourceUnits.json(j);
        var ids = j.putArray("unavailableItems");
        unavailable.stream().sorted().forEach(ids::add);
        synchronized (injections) {
            var arr = j.putArray("inject");
            for (Injection i : injections) {
                arr.addObject().put("path", i.path).put("method", i.method).put("status", i.status).put("code", i.code).put("reset", i.reset)
                        .put("count", i.remaining).put("after", i.after);
            }
        }
        return j;
    }
}
