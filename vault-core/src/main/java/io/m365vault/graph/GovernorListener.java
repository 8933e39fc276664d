package io.m365vault.graph;

import java.time.Duration;

/** What the governor does, as it happens: for progress output and for tests of ordering. */
public interface GovernorListener {
    GovernorListener NONE = new GovernorListener() {
    };

    /** A request (first attempt or a retry) leaves for the server. */
    default void sent(String key, String method, String url, int attempt) {
    }

    /** A 429 arrived; {@code pause} is how long the key now waits (zero when no Retry-After). */
    default void throttled(String key, String url, Duration pause) {
    }

    /** A request finished with a final (non-retried) response status. */
    default void completed(String key, String url, int status) {
    }
}
