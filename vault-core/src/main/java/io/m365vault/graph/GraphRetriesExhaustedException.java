package io.m365vault.graph;

import java.io.IOException;

/**
 * A Graph request that still failed after its last attempt. An IOException so it can leave an
 * OkHttp interceptor; through the SDK it arrives as the cause of a RuntimeException (use
 * {@link #in(Throwable)} to find it).
 */
public final class GraphRetriesExhaustedException extends IOException {
    private final String method;
    private final String url;
    private final int attempts;
    private final int lastStatus;

    GraphRetriesExhaustedException(String method, String url, int attempts, int lastStatus, String detail, Throwable cause) {
        super(method + " " + url + " failed after " + attempts + (attempts == 1 ? " attempt" : " attempts") + ": "
                + (lastStatus > 0 ? "last status " + lastStatus : "last error") + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")"), cause);
        this.method = method;
        this.url = url;
        this.attempts = attempts;
        this.lastStatus = lastStatus;
    }

    public String method() {
        return method;
    }

    /** The request URL without its query (delta tokens and download signatures stay out of logs). */
    public String url() {
        return url;
    }

    public int attempts() {
        return attempts;
    }

    /** HTTP status of the last attempt, or -1 when it ended in an I/O error. */
    public int lastStatus() {
        return lastStatus;
    }

    /** This exception when {@code t} or one of its causes is one, else null. */
    public static GraphRetriesExhaustedException in(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof GraphRetriesExhaustedException e) {
                return e;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }
}
