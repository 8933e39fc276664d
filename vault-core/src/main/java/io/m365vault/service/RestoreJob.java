package io.m365vault.service;

import java.time.Instant;

/**
 * A restore job as its caller sees it: state {@code queued}, {@code running}, {@code done},
 * {@code failed} or {@code expired}, or {@code stale} (running, its worker gone; it resumes when the queue delivers it again); when done, the export blob, its size and item count, and a
 * download link valid until {@code linkExpires}; when failed or expired, the reason. A restore
 * into the tenant has no blob but {@code tenant}: its progress and failed items.
 */
public record RestoreJob(String id, String state, RestoreRequest request, Instant created, Instant finished,
                         String error, String blob, long bytes, long files, long failures, String link, Instant linkExpires,
                         TenantProgress tenant) {
    public RestoreJob(String id, String state, RestoreRequest request, Instant created, Instant finished,
                      String error, String blob, long bytes, long files, long failures, String link, Instant linkExpires) {
        this(id, state, request, created, finished, error, blob, bytes, files, failures, link, linkExpires, null);
    }

    public RestoreJob withLink(String url, Instant expires) {
        return new RestoreJob(id, state, request, created, finished, error, blob, bytes, files, failures, url, expires, tenant);
    }

    /** A done job whose export's window has ended: no link, and why. */
    public RestoreJob expired(String reason) {
        return new RestoreJob(id, "expired", request, created, finished, reason, blob, bytes, files, failures, null, null, tenant);
    }

    /** A tenant job left running by a worker that stopped (no one holds its lease): {@code stale}, and why. */
    public RestoreJob stale(String reason) {
        return new RestoreJob(id, "stale", request, created, finished, reason, blob, bytes, files, failures, null, null, tenant);
    }

    /** Done with everything asked for restored (an export is complete when done). */
    public boolean complete() {
        return "done".equals(state) && failures == 0;
    }
}
