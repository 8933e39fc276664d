package io.m365vault.functions;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.QueueTrigger;
import io.m365vault.service.InvalidRequestException;
import io.m365vault.service.NotFoundException;
import io.m365vault.service.QueueNames;
import io.m365vault.service.RestoreJob;
import io.m365vault.service.RestoreService;

/** Queue restore-jobs: runs one restore job, an export into the exports container or mail, calendars and contacts into the tenant. */
public class RunRestore extends ServiceFunction {
    @FunctionName("RunRestore")
    public void run(@QueueTrigger(name = "message", queueName = QueueNames.RESTORE_JOBS, connection = "VAULT_QUEUES") String message,
                    ExecutionContext context) {
        try {
            RestoreJob job = services(context).restores().run(RestoreService.jobOf(message));
            context.getLogger().info("restore " + job.id() + ": " + job.state() + (job.error() == null ? "" : ": " + job.error()));
        } catch (InvalidRequestException | NotFoundException e) {
            context.getLogger().severe("dropped: " + e.getMessage());
        }
    }
}
