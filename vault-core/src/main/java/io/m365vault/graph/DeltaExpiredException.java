package io.m365vault.graph;

/**
 * A delta or next link Graph no longer honours (410 Gone: Outlook {@code SyncStateNotFound},
 * {@code SyncStateInvalid}, {@code ResyncRequired}; drives {@code resyncRequired} with inner
 * {@code resyncChangesApplyDifferences}/{@code resyncChangesUploadDifferences}). The answer is a
 * full enumeration from a fresh delta request; storage dedup makes that cheap.
 */
public final class DeltaExpiredException extends Exception {
    private final String url;
    private final String code;

    DeltaExpiredException(String url, String code, String message) {
        super("delta state expired at " + url + " (" + code + (message.isEmpty() ? "" : ": " + message) + "): enumerate again from a fresh delta request");
        this.url = url;
        this.code = code;
    }

    /** The link that answered 410, without its query. */
    public String url() {
        return url;
    }

    /** Graph's error code (the inner code for drives when there is one), or "Gone" when the body named none. */
    public String code() {
        return code;
    }
}
