package io.m365vault.backup;

import java.io.IOException;

/** Graph answered 410 to a delta link: the sync state expired and the collection must be re-enumerated. */
public final class SyncStateExpiredException extends IOException {
    public SyncStateExpiredException(String url, String code) {
        super("delta token expired (" + code + ") for " + url);
    }
}
