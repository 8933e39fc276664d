package io.m365vault.restore.tenant;

import java.util.List;

/**
 * What one workload's restore into the tenant did: of {@code items} asked for (messages, events
 * or series, contacts), how many were recreated, skipped as already there, and failed (each with
 * why); the bytes read from the repository for them; the folders or calendars (lists) it created;
 * {@code notes}, what it left out of items it did restore (a list's read-only columns, a web part
 * Graph refused).
 * {@link #complete()} when nothing failed.
 */
public record TenantRestoreResult(long items, long restored, long skipped, long bytes, int foldersCreated, List<Failure> failures,
                                  List<String> notes) {
    public TenantRestoreResult {
        failures = List.copyOf(failures);
        notes = List.copyOf(notes);
    }

    public TenantRestoreResult(long items, long restored, long skipped, long bytes, int foldersCreated, List<Failure> failures) {
        this(items, restored, skipped, bytes, foldersCreated, failures, List.of());
    }

    /** One item not restored: what it is ("mail message", "calendar event", "contact"), its backed-up id and the reason. */
    public record Failure(String what, String itemId, String reason) {
        @Override
        public String toString() {
            return what + " " + itemId + ": " + reason;
        }
    }

    public boolean complete() {
        return failures.isEmpty();
    }
}
