package io.m365vault.functions;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.QueueTrigger;
import io.m365vault.service.InvalidRequestException;
import io.m365vault.service.QueueNames;
import io.m365vault.service.RestoreService;

/** Queue restore-jobs-poison: a job the host gave up on fails with the reason, so GET /api/restores/{id} never shows it running for ever. */
public class RestoreJobPoison extends ServiceFunction {
    @FunctionName("RestoreJobPoison")
    public void run(@QueueTrigger(name = "message", queueName = QueueNames.RESTORE_JOBS + QueueNames.POISON_SUFFIX,
                            connection = "VAULT_QUEUES") String message,
                    @BindingName("InsertionTime") String insertedAt, ExecutionContext context) {
        String id;
        try {
            id = RestoreService.jobOf(message);
        } catch (InvalidRequestException e) {
            context.getLogger().severe("poison message dropped: " + e.getMessage());
            return;
        }
        services(context).restores().poisoned(id, "poisoned at " + insertedAt + "; see the function logs");
        context.getLogger().severe("restore " + id + ": poisoned");
    }
}
