package io.m365vault.service;

import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One protected item in one run: its state, the workloads it was given, what the backup saw
 * (items, of which added, changed, removed), the content bytes fetched, and each error with its
 * reason ({@code workload: reason}; a workload done but not whole says what it left out, {@code
 * lists done: ...}), and the items that could not be backed up this time
 * ({@code workload kind id: reason}; each is retried next run, and the rest of the item is backed up).
 */
public record ItemStatus(ProtectedItem item, ItemState state, Set<Workload> workloads, Instant started, Instant finished,
                         long items, long added, long changed, long removed, long bytes, List<String> errors,
                         List<String> failedItems) {
    public ItemStatus {
        workloads = Set.copyOf(workloads);
        errors = List.copyOf(errors);
        failedItems = List.copyOf(failedItems);
    }

    public ItemStatus(ProtectedItem item, ItemState state, Set<Workload> workloads, Instant started, Instant finished,
                      long items, long added, long changed, long removed, long bytes, List<String> errors) {
        this(item, state, workloads, started, finished, items, added, changed, removed, bytes, errors, List.of());
    }

    public static ItemStatus queued(PlannedItem p) {
        return new ItemStatus(p.item(), ItemState.QUEUED, p.workloads(), null, null, 0, 0, 0, 0, 0, List.of());
    }

    public ItemStatus with(ItemState s, Instant start, Instant end, List<String> errs) {
        return new ItemStatus(item, s, workloads, start, end, items, added, changed, removed, bytes, errs, failedItems);
    }
}
