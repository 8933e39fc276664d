package io.m365vault.functions;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.QueueTrigger;
import io.m365vault.service.BackupQueue;
import io.m365vault.service.ItemHeldException;
import io.m365vault.service.QueueNames;

/**
 * Queue backup-items: backs up one protected item ({@link BackupQueue#take}, which {@code vault
 * serve} runs too). A message that is not a backup message goes straight to backup-items-poison
 * with one log line. Any other failure is thrown so the host retries it and, after
 * maxDequeueCount attempts, moves it to backup-items-poison. An item another worker holds is
 * thrown back too ({@link ItemHeldException}): delivered again after host.json's
 * visibilityTimeout, it finds the item done or free.
 */
public class BackupItem extends ServiceFunction {
    static final String POISON = BackupQueue.POISON;

    @FunctionName("BackupItem")
    public void run(@QueueTrigger(name = "message", queueName = QueueNames.BACKUP_ITEMS, connection = "VAULT_QUEUES") String message,
                    @BindingName("DequeueCount") long dequeueCount, ExecutionContext context) {
        BackupQueue.Taken t;
        try {
            t = services(context).backupQueue().take(context.getInvocationId(), message);
        } catch (ItemHeldException e) {
            context.getLogger().info("attempt " + dequeueCount + ": " + e.getMessage());
            throw e;
        }
        if (t.refused()) {
            context.getLogger().severe(t.line(dequeueCount));
        } else {
            context.getLogger().info(t.line(dequeueCount));
        }
    }
}
