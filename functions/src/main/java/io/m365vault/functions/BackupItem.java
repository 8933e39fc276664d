package io.m365vault.functions;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.QueueTrigger;
import io.m365vault.service.BackupItemService;
import io.m365vault.service.BackupMessage;
import io.m365vault.service.InvalidRequestException;
import io.m365vault.service.ItemHeldException;
import io.m365vault.service.QueueNames;
import io.m365vault.service.QueueSender;

/**
 * Queue backup-items: backs up one protected item. A message that is not a backup message (bad
 * JSON, run id or item id) goes straight to backup-items-poison with one log line: no retry can
 * mend it, and nothing of it reaches Graph or the run. Any other failure is thrown so the host
 * retries it and, after maxDequeueCount attempts, moves it to backup-items-poison. An item another
 * worker holds is thrown back too ({@link ItemHeldException}): delivered again after host.json's
 * visibilityTimeout, it finds the item done or free.
 */
public class BackupItem extends ServiceFunction {
    static final String POISON = QueueNames.BACKUP_ITEMS + QueueNames.POISON_SUFFIX;

    @FunctionName("BackupItem")
    public void run(@QueueTrigger(name = "message", queueName = QueueNames.BACKUP_ITEMS, connection = "VAULT_QUEUES") String message,
                    @BindingName("DequeueCount") long dequeueCount, ExecutionContext context) {
        BackupMessage m;
        try {
            m = BackupMessage.parse(message);
        } catch (InvalidRequestException e) {
            new QueueSender(QueueNames.queue(services().vault().storage(), POISON), 1).send(message);
            context.getLogger().severe("refused, moved to " + POISON + ": " + e.getMessage());
            return;
        }
        BackupItemService.Result r;
        try {
            r = services().backupItems().backup(m.run(), m.planned());
        } catch (ItemHeldException e) {
            context.getLogger().info("run " + m.run() + " item " + m.planned().item() + " (attempt " + dequeueCount + "): " + e.getMessage());
            throw e;
        }
        context.getLogger().info("run " + m.run() + " item " + m.planned().item() + " (attempt " + dequeueCount + "): " + r.message());
    }
}
