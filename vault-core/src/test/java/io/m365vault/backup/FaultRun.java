package io.m365vault.backup;

import io.m365vault.backup.ItemResult.WorkloadResult;
import java.util.stream.Collectors;

/** How one run of a fault case ended: every workload done, some items failed, a workload failed, or the run threw. */
record FaultRun(String outcome, long failedItems, long resyncs) {

    static FaultRun of(ItemResult r) {
        long failed = r.workloads().values().stream().mapToLong(w -> w.faults().size()).sum();
        long resyncs = r.workloads().values().stream().mapToLong(w -> w.stats().resyncs()).sum();
        String failedWorkloads = r.workloads().entrySet().stream()
                .filter(e -> e.getValue().outcome() == WorkloadResult.Outcome.FAILED)
                .map(e -> e.getKey().name().toLowerCase()).collect(Collectors.joining(","));
        String outcome = !failedWorkloads.isEmpty() ? "failed " + failedWorkloads : failed > 0 ? "failed items" : "ok";
        return new FaultRun(outcome, failed, resyncs);
    }

    static FaultRun threw(RuntimeException e) {
        return new FaultRun("threw " + e.getClass().getSimpleName(), 0, 0);
    }

    boolean ok() {
        return outcome.equals("ok");
    }
}
