package io.m365vault.graphsim.delta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.http.GraphError;
import io.m365vault.graphsim.http.Json;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Opaque delta and skip tokens. A token carries a generation: raising it (the "expire delta
 * tokens" fault) makes every earlier token answer 410, as an expired sync state does; a TTL does
 * the same by age.
 */
public final class DeltaTokens {
    /** Which service's 410 to answer with. */
    public enum Flavour { OUTLOOK, DRIVE, DIRECTORY }

    private final AtomicLong generation = new AtomicLong(1);
    private volatile long ttlMillis;

    public DeltaTokens(long ttlSeconds) {
        this.ttlMillis = ttlSeconds * 1000L;
    }

    public void setTtlSeconds(long ttlSeconds) {
        this.ttlMillis = ttlSeconds * 1000L;
    }

    public void expireAll() {
        generation.incrementAndGet();
    }

    public long generation() {
        return generation.get();
    }

    public DeltaState fresh(int pageSize, String select, String windowStart, String windowEnd) {
        return new DeltaState(-1, -1, null, pageSize, select, windowStart, windowEnd, generation.get(), System.currentTimeMillis());
    }

    public String encode(DeltaState s) {
        ObjectNode n = Json.obj();
        n.put("s", s.since());
        n.put("u", s.upto());
        if (s.after() != null) {
            n.put("a", s.after());
        }
        n.put("n", s.pageSize());
        if (s.select() != null) {
            n.put("sel", s.select());
        }
        if (s.windowStart() != null) {
            n.put("ws", s.windowStart());
            n.put("we", s.windowEnd());
        }
        n.put("g", s.generation());
        n.put("t", s.issuedAtMillis());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.bytes(n));
    }

    public DeltaState decode(String token, Flavour flavour) {
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw gone(flavour, true);
        }
        if (n == null || !n.has("g") || !n.has("s")) {
            throw gone(flavour, true);
        }
        long g = n.get("g").asLong();
        long t = n.path("t").asLong();
        if (g != generation.get() || (ttlMillis > 0 && System.currentTimeMillis() - t > ttlMillis)) {
            throw gone(flavour, false);
        }
        return new DeltaState(n.get("s").asLong(), n.path("u").asLong(-1), n.hasNonNull("a") ? n.get("a").asText() : null,
                n.path("n").asInt(10), n.hasNonNull("sel") ? n.get("sel").asText() : null,
                n.hasNonNull("ws") ? n.get("ws").asText() : null, n.hasNonNull("we") ? n.get("we").asText() : null, g, t);
    }

    /** The 410 each service sends for a token it no longer (or never) knew. */
    public static GraphError gone(Flavour flavour, boolean malformed) {
        return switch (flavour) {
            case OUTLOOK -> malformed
                    ? new GraphError(410, "SyncStateInvalid", "The sync state is invalid. Please restart the synchronization without the state.")
                    : new GraphError(410, "SyncStateNotFound", "The sync state could not be found, or it has expired. Please start a full synchronization.");
            case DRIVE -> new GraphError(410, "resyncRequired",
                    "Resync required. Replace any local items with the server's version (including deletes) if you're sure that the service was up to date with your local changes when you last sync'd. Upload any local changes that the server doesn't know about.",
                    "resyncChangesApplyDifferences");
            case DIRECTORY -> new GraphError(410, "Directory_ExpiredPageToken", "The specified page token value has expired and can no longer be included in your request.");
        };
    }
}
