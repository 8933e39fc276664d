package io.m365vault.graphsim.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.http.GraphError;
import io.m365vault.graphsim.http.Res;

import java.util.concurrent.atomic.LongAdder;

/**
 * SharePoint's resource-unit budget of the app in the tenant, per window (a minute in
 * SharePoint: 1,250 to 6,250 units by licence count). Requests are charged what
 * {@link ResourceUnitCost} says; once 80% of the window's units are spent every answer carries
 * the draft-03 IETF headers SharePoint sends ({@code RateLimit-Limit}, {@code RateLimit-Remaining},
 * {@code RateLimit-Reset} in seconds), and past the budget it answers 429 with Retry-After until
 * the window ends. Refused requests count too, as SharePoint says they do. 0 units: no budget.
 */
public final class ResourceUnits {
    /** SharePoint starts sending RateLimit headers at this share of the budget. */
    static final double WARN_AT = 0.8;
    private volatile int perWindow;
    private volatile int windowSeconds;
    private long windowStart;
    private long spent;
    private final LongAdder charged = new LongAdder();
    private final LongAdder warned = new LongAdder();
    private final LongAdder refused = new LongAdder();

    public ResourceUnits(int perWindow, int windowSeconds) {
        this.perWindow = perWindow;
        this.windowSeconds = windowSeconds;
    }

    /** What one request was charged: the headers its answer carries, if any. */
    public record Charge(int limit, long remaining, long resetSeconds) {
        public static final Charge QUIET = new Charge(0, 0, 0);

        /** Adds the RateLimit headers to {@code res} (nothing below 80% of the budget). */
        public Res decorate(Res res) {
            if (limit > 0) {
                res.header("RateLimit-Limit", Integer.toString(limit));
                res.header("RateLimit-Remaining", Long.toString(remaining));
                res.header("RateLimit-Reset", Long.toString(resetSeconds));
            }
            return res;
        }
    }

    /**
     * Charges {@code cost} units at {@code nowMillis}.
     *
     * @throws GraphError 429 {@code activityLimitReached} with Retry-After and RateLimit headers when over the budget
     */
    public Charge charge(int cost, long nowMillis) {
        int limit = perWindow;
        if (cost == 0 || limit <= 0) {
            return Charge.QUIET;
        }
        charged.add(cost);
        long window = windowSeconds * 1000L;
        long used;
        long reset;
        synchronized (this) {
            if (nowMillis - windowStart >= window) {
                windowStart = nowMillis;
                spent = 0;
            }
            spent += cost;
            used = spent;
            reset = Math.max(1, (windowStart + window - nowMillis + 999) / 1000);
        }
        if (used > limit) {
            refused.increment();
            GraphError e = new GraphError(429, "activityLimitReached",
                    "The request has been throttled: the application is over its resource units for this tenant.")
                    .header("Retry-After", Long.toString(reset));
            new Charge(limit, 0, reset).decorate(Res.empty(429)).headers.forEach(e::header);
            throw e;
        }
        if (used < WARN_AT * limit) {
            return Charge.QUIET;
        }
        warned.increment();
        return new Charge(limit, limit - used, reset);
    }

    /** Applies {@code resourceUnitsPerWindow} and {@code resourceUnitWindowSeconds} when present; a change starts a new window. */
    void update(JsonNode j) {
        if (!j.has("resourceUnitsPerWindow") && !j.has("resourceUnitWindowSeconds")) {
            return;
        }
        int units = j.path("resourceUnitsPerWindow").asInt(perWindow);
        int seconds = j.path("resourceUnitWindowSeconds").asInt(windowSeconds);
        if (units < 0 || seconds < 1) {
            throw GraphError.badRequest("BadRequest", "resourceUnitsPerWindow must be 0 (no budget) or more, resourceUnitWindowSeconds 1 or more");
        }
        synchronized (this) {
            perWindow = units;
            windowSeconds = seconds;
            windowStart = 0;
            spent = 0;
        }
    }

    /** Units charged, answers that carried RateLimit headers, requests refused with 429 for want of units. */
    public void stats(ObjectNode j) {
        j.put("charged", charged.sum());
        j.put("withRateLimitHeaders", warned.sum());
        j.put("throttled429", refused.sum());
    }

    void json(ObjectNode j) {
        j.put("resourceUnitsPerWindow", perWindow);
        j.put("resourceUnitWindowSeconds", windowSeconds);
    }
}
