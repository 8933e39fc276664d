package io.m365vault.restore.tenant;

import java.util.List;

/**
 * What a mail restore did: of {@code messages} asked for, how many were recreated, skipped as
 * already there, and failed (each with why); the bytes of MIME read; the folders it created.
 * {@link #complete()} when nothing failed.
 */
public record MailRestoreResult(long messages, long restored, long skipped, long bytes, int foldersCreated, List<Failure> failures) {
    public MailRestoreResult {
        failures = List.copyOf(failures);
    }

    /** One message not restored: its backed-up id and the reason. */
    public record Failure(String itemId, String reason) {
        @Override
        public String toString() {
            return "mail message " + itemId + ": " + reason;
        }
    }

    public boolean complete() {
        return failures.isEmpty();
    }
}
