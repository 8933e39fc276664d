package io.m365vault.graph;

/**
 * A delta or next link Graph no longer honours (410 Gone: Outlook {@code SyncStateNotFound},
 * {@code SyncStateInvalid}, {@code ResyncRequired}; drives {@code resyncRequired} with inner
 * {@code resyncChangesApplyDifferences}/{@code resyncChangesUploadDifferences}). The answer is a
 * full enumeration from a fresh delta request; storage dedup makes that cheap.
 */
public final class DeltaExpiredException extends GraphStatusException {
    private final String reason;

    public DeltaExpiredException(GraphStatusException from) {
        super(from, "delta state expired at " + from.url() + " (" + reason(from) + "): enumerate again from a fresh delta request");
        this.reason = reason(from);
    }

    private static String reason(GraphStatusException e) {
        return !e.innerCode().isEmpty() ? e.innerCode() : !e.code().isEmpty() ? e.code() : "Gone";
    }

    /** Graph's error code (the inner code for drives when there is one), or "Gone" when the body named none. */
    @Override
    public String code() {
        return reason;
    }
}
