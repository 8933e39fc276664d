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

    private final String workload;
    private final long items;
    private final Runner runner;

    TenantRestorePlan(String workload, long items, Runner runner) {
        this.workload = workload;
        this.items = items;
        this.runner = runner;
    }

    public String workload() {
        return workload;
    }

    public long items() {
        return items;
    }

    /**
     * @throws RestoreRefusedException no such mailbox, or no permission to write it
     */
    public TenantRestoreResult run(String job, TenantRestoreOptions options) throws IOException {
        return runner.run(job, options);
    }
}
