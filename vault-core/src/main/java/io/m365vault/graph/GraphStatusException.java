package io.m365vault.graph;

import java.io.IOException;

/**
 * A raw Graph request ({@link GraphRequests}) answered with an error status that is not retried.
 * {@link GraphNotFoundException} (404) and {@link DeltaExpiredException} (410) are the two a
 * backup answers differently from the rest.
 */
public class GraphStatusException extends IOException {
    private final int status;
    private final String code;
    private final String innerCode;
    private final String url;

    GraphStatusException(String method, String url, int status, GraphErrorBody error) {
        super(method + " " + url + " answered " + status + (error.summary().isEmpty() ? "" : " (" + error.summary() + ")"));
        this.status = status;
        this.code = error.code();
        this.innerCode = error.innerCode();
        this.url = url;
    }

    /** An answer of {@code status} with Graph's error {@code code} (other readers of Graph than the SDK's). */
    public GraphStatusException(String method, String url, int status, String code) {
        this(method, url, status, new GraphErrorBody(code, "", ""));
    }

    /** The same answer under a more telling message (the subclasses). */
    GraphStatusException(GraphStatusException from, String message) {
        super(message, from);
        this.status = from.status;
        this.code = from.code;
        this.innerCode = from.innerCode;
        this.url = from.url;
    }

    public int status() {
        return status;
    }

    /** Graph's error code, e.g. {@code ErrorItemNotFound}; empty when the body had none. */
    public String code() {
        return code;
    }

    /** The inner error's code (drives say why a token expired there); empty when none. */
    public String innerCode() {
        return innerCode;
    }

    /** The request URL without its query. */
    public String url() {
        return url;
    }
}
