package io.m365vault.cli;

import io.m365vault.repo.StorageAccount;
import io.m365vault.service.BackupItemService;
import io.m365vault.service.BackupMessage;
import io.m365vault.service.InvalidRequestException;
import io.m365vault.service.QueueNames;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BackupItem and BackupItemPoison queue functions on this machine, doing what they do: a
 * {@code backup-items} message to {@link BackupItemService#backup}, one that is no backup message
 * dropped (no retry can mend it), a poisoned one to {@link BackupItemService#poisoned}.
 */
final class BackupWorker {
    private static final Logger LOG = LoggerFactory.getLogger(BackupWorker.class);
    /** host.json's maxDequeueCount. */
    static final int MAX_DEQUEUE_COUNT = 5;
    /**
     * A failed message is received again after this (host.json's visibilityTimeout is 5 minutes;
     * here a minute: an item held by a killed worker is free by then, its lease having run out).
     */
    static final java.time.Duration RETRY_AFTER = java.time.Duration.ofSeconds(io.m365vault.service.ItemLease.SECONDS);

    private final BackupItemService service;

    BackupWorker(BackupItemService service) {
        this.service = service;
    }

    /** The item's outcome; empty when the message was dropped. */
    Optional<BackupItemService.Result> handle(String text) {
        BackupMessage m;
        try {
            m = BackupMessage.parse(text);
        } catch (InvalidRequestException e) {
            LOG.error("backup message dropped: {}", e.getMessage());
            return Optional.empty();
        }
        return Optional.of(service.backup(m.run(), m.planned()));
    }

    void poisoned(String text, String reason) {
        try {
            BackupMessage m = BackupMessage.parse(text);
            service.poisoned(m.run(), m.planned(), "the queue gave up on the item after " + MAX_DEQUEUE_COUNT + " attempts: " + reason);
        } catch (InvalidRequestException e) {
            LOG.error("poison message dropped: {}", e.getMessage());
        }
    }

    /** A pump of the account's backup-items queue into this worker, {@code parallel} messages at a time. */
    QueuePump pump(StorageAccount account, int parallel, Consumer<BackupItemService.Result> done) {
        return new QueuePump(QueueNames.queue(account, QueueNames.BACKUP_ITEMS),
                QueueNames.queue(account, QueueNames.BACKUP_ITEMS + QueueNames.POISON_SUFFIX), parallel, MAX_DEQUEUE_COUNT,
                RETRY_AFTER, QueuePump.IN_FLIGHT, text -> handle(text).ifPresent(done), this::poisoned);
    }
}
