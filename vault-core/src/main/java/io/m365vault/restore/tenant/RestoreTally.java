package io.m365vault.restore.tenant;

import io.m365vault.backup.ProtectedItem;
import io.m365vault.graph.GraphStatusException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The counts of one workload's restore, told by the threads that write its items: restored,
 * skipped, failed with why, bytes; each item's end goes to the progress listener. The first answer
 * that refuses the mailbox as a whole is kept, so the restore stops after the batch it came in.
 */
final class RestoreTally {
    private static final Logger LOG = LoggerFactory.getLogger(RestoreTally.class);

    private final String job;
    private final ProtectedItem source;
    private final String what;
    private final long of;
    private final TenantRestoreOptions.Progress progress;
    private final List<TenantRestoreResult.Failure> failures = new ArrayList<>();
    private long done;
    private long restored;
    private long skipped;
    private long bytes;
    private GraphStatusException refusal;

    /** @param what names one item in failures and logs: "mail message", "calendar event", "contact" */
    RestoreTally(String job, ProtectedItem source, String what, long of, TenantRestoreOptions.Progress progress) {
        this.job = job;
        this.source = source;
        this.what = what;
        this.of = of;
        this.progress = progress;
    }

    synchronized void restored(long readBytes) {
        restored++;
        bytes += readBytes;
        end();
    }

    synchronized void skipped() {
        skipped++;
        end();
    }

    synchronized void failed(String itemId, String why) {
        failures.add(new TenantRestoreResult.Failure(what, itemId, why));
        LOG.warn("tenant restore item failed job={} item={} {}={}: {}", job, source, what.replace(' ', '.'), itemId, why);
        end();
    }

    /** An answer about the whole mailbox (no permission, no mailbox): the restore stops. */
    synchronized void refused(GraphStatusException e) {
        if (refusal == null) {
            refusal = e;
        }
    }

    synchronized GraphStatusException refusal() {
        return refusal;
    }

    synchronized TenantRestoreResult result(int foldersCreated) {
        return new TenantRestoreResult(of, restored, skipped, bytes, foldersCreated, failures);
    }

    private void end() {
        progress.at(++done, of, bytes);
    }
}
