package io.m365vault.graph;

import java.io.IOException;

/** A raw Graph request ({@link GraphRequests}) answered with an error status that is not retried. */
public class GraphStatusException extends IOException {
    private final int status;
    private final String code;
    private final String url;

    GraphStatusException(String method, String url, int status, GraphErrorBody error) {
        super(method + " " + url + " answered " + status + (error.summary().isEmpty() ? "" : " (" + error.summary() + ")"));
        this.status = status;
        this.code = error.code();
        this.url = url;
    }

    public int status() {
        return status;
    }

    /** Graph's error code, e.g. {@code ErrorItemNotFound}; empty when the body had none. */
    public String code() {
        return code;
    }

    /** The request URL without its query. */
    public String url() {
        return url;
    }
}
