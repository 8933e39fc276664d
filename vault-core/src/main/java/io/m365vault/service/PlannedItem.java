package io.m365vault.service;

import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import java.util.EnumSet;
import java.util.Set;

/** One protected item a run backs up, with the workloads the policy gives it. */
public record PlannedItem(ProtectedItem item, Set<Workload> workloads) {
    public PlannedItem {
        if (workloads.isEmpty()) {
            throw new IllegalArgumentException(item + " has no workload to back up");
        }
        workloads = Set.copyOf(EnumSet.copyOf(workloads));
    }
}
