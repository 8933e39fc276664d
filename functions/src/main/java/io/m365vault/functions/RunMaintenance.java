package io.m365vault.functions;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.TimerTrigger;
import io.m365vault.maintain.Maintenance;
import java.util.Optional;

/**
 * Timer (VAULT_MAINTENANCE_SCHEDULE): prune (VAULT_RETENTION, then two-phase garbage collection),
 * then verify with a rotating read-data sample (every pack decrypted once in VAULT_VERIFY_DAYS).
 * Findings go to the log and to the status row the maintenance run leaves in the state table;
 * a run with findings fails the invocation, so the host's failure alerting sees it.
 */
public class RunMaintenance extends ServiceFunction {
    @FunctionName("RunMaintenance")
    public void run(@TimerTrigger(name = "timer", schedule = "%VAULT_MAINTENANCE_SCHEDULE%") String timer, ExecutionContext context) {
        Services s = services(context);
        Optional<Maintenance.Report> done = s.vault().maintenance().maintain(s.vault().settings().verifyDays(),
                "function " + context.getInvocationId());
        if (done.isEmpty()) {
            context.getLogger().info("maintenance skipped: another prune holds the repository's maintenance lease");
            return;
        }
        Maintenance.Report r = done.get();
        context.getLogger().info("maintenance prune: " + r.prune());
        context.getLogger().info("maintenance verify: " + r.verify());
        r.prune().problems().forEach(p -> context.getLogger().severe("maintenance prune problem: " + p));
        r.verify().errors().forEach(e -> context.getLogger().severe("maintenance verify finding: " + e));
        if (!r.ok()) {
            throw new IllegalStateException("maintenance found " + (r.prune().problems().size() + r.verify().errors().size())
                    + " problems (logged above; the status row in the state table keeps the first)");
        }
    }
}
