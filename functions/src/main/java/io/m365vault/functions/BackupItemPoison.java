package io.m365vault.functions;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.QueueTrigger;
import io.m365vault.service.BackupMessage;
import io.m365vault.service.InvalidRequestException;
import io.m365vault.service.QueueNames;

/** Queue backup-items-poison: marks the item poisoned in its run, so GET /api/runs/{id} shows it. */
public class BackupItemPoison extends ServiceFunction {
    @FunctionName("BackupItemPoison")
    public void run(@QueueTrigger(name = "message", queueName = QueueNames.BACKUP_ITEMS + QueueNames.POISON_SUFFIX,
                            connection = "VAULT_QUEUES") String message,
                    @BindingName("InsertionTime") String insertedAt, ExecutionContext context) {
        BackupMessage m;
        try {
            m = BackupMessage.parse(message);
        } catch (InvalidRequestException e) {
            context.getLogger().severe("poison message dropped: " + e.getMessage());
            return;
        }
        services().backupItems().poisoned(m.run(), m.planned(),
                "the queue gave up on the item after the host's retries (poisoned at " + insertedAt + "); see the function logs");
        context.getLogger().severe("run " + m.run() + " item " + m.planned().item() + ": poisoned");
    }
}
