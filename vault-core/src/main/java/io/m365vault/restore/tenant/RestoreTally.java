package io.m365vault.restore.tenant;

import io.m365vault.backup.ProtectedItem;
import io.m365vault.graph.GraphStatusException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The counts of one mail restore, told by the threads that write its messages: restored, skipped,
 * failed with why, bytes; each message's end goes to the progress listener. The first answer that
 * refuses the mailbox as a whole is kept, so the restore stops after the batch it came in.
 */
final class RestoreTally {
    private static final Logger LOG = LoggerFactory.getLogger(RestoreTally.class);

    private final String job;
    private final ProtectedItem source;
    private final long of;
    private final MailRestoreOptions.Progress progress;
    private final List<MailRestoreResult.Failure> failures = new ArrayList<>();
    private long done;
    private long restored;
    private long skipped;
    private long bytes;
    private GraphStatusException refusal;

    RestoreTally(String job, ProtectedItem source, long of, MailRestoreOptions.Progress progress) {
        this.job = job;
        this.source = source;
        this.of = of;
        this.progress = progress;
    }

    synchronized void restored(long mimeBytes) {
        restored++;
        bytes += mimeBytes;
        end();
    }

    synchronized void skipped() {
        skipped++;
        end();
    }

    synchronized void failed(String itemId, String why) {
        failures.add(new MailRestoreResult.Failure(itemId, why));
        LOG.warn("tenant restore item failed job={} item={} workload=mail message={}: {}", job, source, itemId, why);
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

    synchronized MailRestoreResult result(int foldersCreated) {
        return new MailRestoreResult(of, restored, skipped, bytes, foldersCreated, failures);
    }

    private void end() {
        progress.at(++done, of, bytes);
    }
}
