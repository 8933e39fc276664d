package io.m365vault.service;

import io.m365vault.repo.StorageAccount;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backup-items queue's two handlers, BackupItem and BackupItemPoison, one code for the
 * Functions host and {@code vault serve}: a message that is not a backup message (bad JSON, run
 * id or item id) goes straight to backup-items-poison, since no retry can mend it, and nothing of
 * it reaches Graph or the run; any other is backed up. A message the queue gave up on marks its
 * item poisoned in its run.
 */
public final class BackupQueue {
    private static final Logger LOG = LoggerFactory.getLogger(BackupQueue.class);
    public static final String POISON = QueueNames.BACKUP_ITEMS + QueueNames.POISON_SUFFIX;

    private final BackupItemService service;
    private final StorageAccount storage;

    public BackupQueue(BackupItemService service, StorageAccount storage) {
        this.service = service;
        this.storage = storage;
    }

    /**
     * What one message came to: the item's result and {@code run R item I}, or, refused (it is
     * on the poison queue then), no result and why.
     */
    public record Taken(Optional<BackupItemService.Result> result, String subject, String outcome) {
        public boolean refused() {
            return result.isEmpty();
        }

        /** The one line to log, naming the attempt when there was one. */
        public String line(long attempt) {
            return refused() ? "refused, moved to " + POISON + ": " + outcome : subject + " (attempt " + attempt + "): " + outcome;
        }
    }

    /**
     * Backs up the item {@code text} names, or moves the message to {@link #POISON} when it
     * names none. Throws when the attempt failed, so the queue delivers the message again.
     */
    public Taken take(String messageId, String text) {
        BackupMessage m;
        try {
            m = BackupMessage.parse(text);
        } catch (InvalidRequestException e) {
            new QueueSender(QueueNames.queue(storage, POISON), 1).send(text);
            LOG.error("backup message refused id={} moved to {}: {}", messageId, POISON, e.getMessage());
            return new Taken(Optional.empty(), null, e.getMessage());
        }
        BackupItemService.Result r = service.backup(m.run(), m.planned());
        return new Taken(Optional.of(r), "run " + m.run() + " item " + m.planned().item(), r.message());
    }

    /** Marks the item of a message the queue gave up on as poisoned in its run; returns the line to log. */
    public String poisoned(String messageId, String text, String reason) {
        BackupMessage m;
        try {
            m = BackupMessage.parse(text);
        } catch (InvalidRequestException e) {
            // Nothing to mark: it names no run or item. It stays on the poison queue for the operator.
            LOG.error("poison message dropped id={}: {}", messageId, e.getMessage());
            return "poison message dropped: " + e.getMessage();
        }
        service.poisoned(m.run(), m.planned(), reason);
        LOG.error("backup message poisoned id={} run={} item={}: {}", messageId, m.run(), m.planned().item(), reason);
        return "run " + m.run() + " item " + m.planned().item() + ": poisoned";
    }
}
