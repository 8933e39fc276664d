package io.m365vault.graph;

/** Graph answered 404; {@link #code()} is Graph's error code, e.g. MailboxNotEnabledForRESTAPI. */
public final class GraphNotFoundException extends GraphStatusException {
    public GraphNotFoundException(GraphStatusException from) {
        super(from, "not found (" + from.code() + "): " + from.url());
    }
}
