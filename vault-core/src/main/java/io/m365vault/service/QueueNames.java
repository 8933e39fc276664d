package io.m365vault.service;

import com.azure.storage.queue.QueueClient;
import io.m365vault.repo.StorageAccount;

/** The queues infra/ creates on the backup account (the Functions host adds the -poison ones). */
public final class QueueNames {
    public static final String BACKUP_ITEMS = "backup-items";
    public static final String RESTORE_JOBS = "restore-jobs";
    /** Where the host moves a message after maxDequeueCount failed attempts. */
    public static final String POISON_SUFFIX = "-poison";

    private QueueNames() {
    }

    /** A queue of the account, created when missing (Azurite starts empty; in Azure infra made it). */
    public static QueueClient queue(StorageAccount account, String name) {
        QueueClient q = account.queues().getQueueClient(name);
        q.createIfNotExists();
        return q;
    }
}
