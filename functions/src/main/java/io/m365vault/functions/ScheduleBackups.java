package io.m365vault.functions;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.TimerTrigger;
import io.m365vault.service.ScheduleService.Scheduled;
import java.io.IOException;

/** Timer (VAULT_SCHEDULE): plans the protected items from VAULT_POLICY and queues one message per item. */
public class ScheduleBackups extends ServiceFunction {
    @FunctionName("ScheduleBackups")
    public void run(@TimerTrigger(name = "timer", schedule = "%VAULT_SCHEDULE%") String timer, ExecutionContext context)
            throws IOException {
        Services s = services(context);
        Scheduled run = s.schedule().schedule(s.vault().settings().policy(), "timer");
        context.getLogger().info("run " + run.runId() + ": " + run.enqueued() + " items queued (plan " + run.planning().toMillis()
                + " ms, record " + run.recording().toMillis() + " ms, send " + run.sending().toMillis() + " ms)");
        run.warnings().forEach(w -> context.getLogger().warning("run " + run.runId() + ": " + w));
    }
}
