package io.m365vault.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.m365vault.backup.ItemResult;
import io.m365vault.backup.ItemResult.WorkloadResult;
import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.SyncStats;
import io.m365vault.backup.Workload;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A workload done but not whole (lists without their attachments) says so in the item's status, which stays done. */
class WorkloadNotesTest {
    @Test
    void aDoneWorkloadWithANoteIsDoneAndSaysWhatItLeftOut() {
        ProtectedItem site = new ProtectedItem("site", "s1");
        PlannedItem planned = new PlannedItem(site, Set.of(Workload.LISTS, Workload.PAGES));
        ItemResult result = new ItemResult(site, Map.of(
                Workload.LISTS, new WorkloadResult(WorkloadResult.Outcome.DONE, "list item attachments are not backed up: ...", new SyncStats(), List.of()),
                Workload.PAGES, new WorkloadResult(WorkloadResult.Outcome.DONE, null, new SyncStats(), List.of())));
        Instant t = Instant.parse("2026-12-01T00:00:00Z");
        ItemStatus s = BackupItemService.status(planned, result, t, t.plusSeconds(1));
        assertEquals(ItemState.DONE, s.state());
        assertEquals(List.of("lists done: list item attachments are not backed up: ..."), s.errors());
    }
}
