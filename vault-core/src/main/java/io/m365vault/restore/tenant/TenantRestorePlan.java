package io.m365vault.restore.tenant;

import java.io.IOException;

/**
 * One workload's restore into the tenant, read from the repository and ready to write: how many
 * items it will write is known before the first write, so a job restoring several workloads can
 * show its whole size, rate and time left from the start.
 */
public final class TenantRestorePlan {
    /** The writing part of a workload's restore. */
    interface Runner {
        TenantRestoreResult run(String job, TenantRestoreOptions options) throws IOException;
    }

    /** The pre-checks of a workload's restore: cheap reads of the target, a refusal being one line ({@link TargetChecks}). */
    interface Check {
        void run(String job, TenantRestoreOptions options) throws IOException;
    }

    private final String workload;
    private final long items;
    private final Check check;
    private final Runner runner;

    TenantRestorePlan(String workload, long items, Check check, Runner runner) {
        this.workload = workload;
        this.items = items;
        this.check = check;
        this.runner = runner;
    }

    public String workload() {
        return workload;
    }

    public long items() {
        return items;
    }

    /**
     * The pre-checks alone, so a job of several workloads checks every target before it writes any.
     *
     * @throws RestoreRefusedException no such mailbox or drive, no licence for it, too little room, no permission
     */
    public void check(String job, TenantRestoreOptions options) throws IOException {
        check.run(job, options);
    }

    /** The writes, once {@link #check} has passed. @throws RestoreRefusedException a refusal of the target as a whole */
    public TenantRestoreResult write(String job, TenantRestoreOptions options) throws IOException {
        return runner.run(job, options);
    }

    /** {@link #check}, then {@link #write}. */
    public TenantRestoreResult run(String job, TenantRestoreOptions options) throws IOException {
        check(job, options);
        return write(job, options);
    }
}
