package io.m365vault.functions;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.TimerTrigger;
import io.m365vault.service.ExportStore;

/** Timer, hourly: deletes the exports whose download window has ended (the lifecycle rule is only the back-stop). */
public class ExpireExports extends ServiceFunction {
    @FunctionName("ExpireExports")
    public void run(@TimerTrigger(name = "timer", schedule = ExportStore.SWEEP_SCHEDULE) String timer, ExecutionContext context) {
        int deleted = services(context).restores().expireExports();
        context.getLogger().info("exports: " + deleted + " expired and deleted");
    }
}
