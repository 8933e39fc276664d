package io.m365vault.cli;

import io.m365vault.repo.StorageAccount;
import io.m365vault.service.BackupItemService;
import io.m365vault.service.BackupQueue;
import io.m365vault.service.QueueNames;
import java.util.function.Consumer;

/**
 * The BackupItem and BackupItemPoison queue functions on this machine, running the same
 * {@link BackupQueue} they run: a {@code backup-items} message to the backup of its item, one
 * that is no backup message to {@code backup-items-poison}, a message given up on to the poison
 * handler.
 */
final class BackupWorker {
    /** host.json's maxDequeueCount. */
    static final int MAX_DEQUEUE_COUNT = HostQueues.HOST_JSON.maxDequeueCount();
    /**
     * A failed message is received again after this (host.json's visibilityTimeout is 5 minutes;
     * here a minute: an item held by a killed worker is free by then, its lease having run out).
     */
    static final java.time.Duration RETRY_AFTER = java.time.Duration.ofSeconds(io.m365vault.service.ItemLease.SECONDS);

    private final BackupQueue queue;

    BackupWorker(BackupQueue queue) {
        this.queue = queue;
    }

    /** A pump of the account's backup-items queue into this worker, {@code parallel} messages at a time. */
    QueuePump pump(StorageAccount account, int parallel, Consumer<BackupItemService.Result> done) {
        return new QueuePump(QueueNames.queue(account, QueueNames.BACKUP_ITEMS), QueueNames.queue(account, BackupQueue.POISON),
                parallel, MAX_DEQUEUE_COUNT, RETRY_AFTER, QueuePump.IN_FLIGHT,
                (id, text) -> {
                    BackupQueue.Taken t = queue.take(id, text);
                    t.result().ifPresent(done);
                    if (t.refused()) {
                        // As on Azure, where backup-items-poison's trigger then meets it.
                        queue.poisoned(id, text, t.outcome());
                    }
                },
                (id, text, reason) -> queue.poisoned(id, text, "the queue gave up on the item: " + reason));
    }
}
