package io.m365vault.graph;

import okhttp3.Headers;

/**
 * SharePoint's RateLimit headers (draft-03 of the IETF RateLimit fields, which SharePoint sends to
 * apps once they have spent 80% of a limit): the units of the window, the units left, and the
 * seconds until the window resets. SharePoint documents them as beta, so anything unreadable is
 * treated as absent rather than trusted.
 */
record RateLimitHeaders(long limit, long remaining, long resetSeconds) {

    /** The headers of an answer, or null when it carries none (or none that parse). */
    static RateLimitHeaders of(Headers h) {
        String remaining = h.get("RateLimit-Remaining");
        String reset = h.get("RateLimit-Reset");
        if (remaining == null || reset == null) {
            return null;
        }
        try {
            long r = Long.parseLong(first(remaining));
            long s = Long.parseLong(first(reset));
            String limit = h.get("RateLimit-Limit");
            long l = limit == null ? -1 : Long.parseLong(first(limit));
            return r < 0 || s < 0 ? null : new RateLimitHeaders(l, r, s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Draft-03 allows a policy after the number ({@code 1200, 1200;w=60}); the number is what counts. */
    private static String first(String v) {
        int cut = v.indexOf(',');
        return (cut < 0 ? v : v.substring(0, cut)).trim();
    }
}
