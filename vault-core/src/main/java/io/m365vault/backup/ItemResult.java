package io.m365vault.backup;

import java.util.List;
import java.util.Map;

/** The outcome of one protected item's backup in one run, per workload. */
public record ItemResult(ProtectedItem item, Map<Workload, WorkloadResult> workloads) {
    public boolean ok() {
        return workloads.values().stream().allMatch(w -> w.outcome() != WorkloadResult.Outcome.FAILED);
    }

    /**
     * One workload: done (with a note of what it leaves out, or null), skipped (e.g. no mailbox) with why, or failed with the error; and the
     * items it could not back up this time (retried next run), whatever the outcome.
     */
    public record WorkloadResult(Outcome outcome, String reason, SyncStats stats, List<ItemFault> faults) {
        public WorkloadResult {
            faults = List.copyOf(faults);
        }

        public enum Outcome { DONE, SKIPPED, FAILED }
    }
}
