package io.m365vault.functions;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.QueueTrigger;
import io.m365vault.service.BackupQueue;

/** Queue backup-items-poison: marks the item poisoned in its run ({@link BackupQueue#poisoned}), so GET /api/runs/{id} shows it. */
public class BackupItemPoison extends ServiceFunction {
    @FunctionName("BackupItemPoison")
    public void run(@QueueTrigger(name = "message", queueName = BackupQueue.POISON, connection = "VAULT_QUEUES") String message,
                    @BindingName("InsertionTime") String insertedAt, ExecutionContext context) {
        context.getLogger().severe(services(context).backupQueue().poisoned(context.getInvocationId(), message,
                "the queue gave up on the item after the host's retries (poisoned at " + insertedAt + "); see the function logs"));
    }
}
