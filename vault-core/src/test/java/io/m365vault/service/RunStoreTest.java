package io.m365vault.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import io.m365vault.repo.Repository;
import io.m365vault.testkit.AzuriteExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(AzuriteExtension.class)
class RunStoreTest {
    @TempDir
    Path tmp;

    @Test
    void aFinishedRunIsCountedOnceThenReadFromItsSummary(AzuriteExtension.StorageAccount account) throws Exception {
        try (Repository repo = ServiceFixture.repo(account, tmp)) {
            RunStore runs = new RunStore(repo.state());
            PlannedItem a = new PlannedItem(new ProtectedItem("user", "a"), Set.of(Workload.MAIL));
            PlannedItem b = new PlannedItem(new ProtectedItem("user", "b"), Set.of(Workload.MAIL, Workload.CONTACTS));
            Instant t = Instant.parse("2026-11-25T10:00:00Z");
            runs.create("20261125T100000000Z-aaaaaa", t, "test", new Plan(List.of(a, b), List.of("a warning")));
            String run = "20261125T100000000Z-aaaaaa";

            ItemStatus runningA = ItemStatus.queued(a).with(ItemState.RUNNING, t, null, List.of());
            runs.put(run, runningA);
            RunInfo r = runs.run(run).orElseThrow();
            assertEquals("running", r.status());
            assertEquals(Map.of(ItemState.RUNNING, 1L, ItemState.QUEUED, 1L), r.counts());
            assertFalse(repo.state().get("runs/202611", run).orElseThrow().containsKey("summary"), "a running run has no summary");

            Instant end = t.plusSeconds(90);
            runs.put(run, new ItemStatus(a.item(), ItemState.DONE, a.workloads(), t, end, 40, 40, 0, 0, 5_000, List.of()));
            runs.put(run, new ItemStatus(b.item(), ItemState.FAILED, b.workloads(), t, end, 2, 2, 0, 0, 300, List.of("contacts failed: 503")));
            RunInfo finished = runs.list(10).get(0);
            assertEquals("failed", finished.status());
            assertEquals(Map.of(ItemState.DONE, 1L, ItemState.FAILED, 1L), finished.counts());
            assertEquals(42, finished.items());
            assertEquals(5_300, finished.bytes());
            assertEquals(List.of("a warning"), finished.warnings());
            assertTrue(repo.state().get("runs/202611", run).orElseThrow().containsKey("summary"), "the first reader stored the final counts");

            // From now on the run comes from its summary: an item row written after it finished
            // (no worker does that) is not read.
            runs.put(run, runningA);
            assertEquals(finished, runs.run(run).orElseThrow());
            assertEquals(List.of(finished), runs.list(10));

            // The poison handler may still come: it writes late, and the run is counted again.
            runs.putLate(run, new ItemStatus(a.item(), ItemState.POISON, a.workloads(), t, end, 40, 40, 0, 0, 5_000, List.of("poison")));
            assertFalse(repo.state().get("runs/202611", run).orElseThrow().containsKey("summary"));
            assertEquals(Map.of(ItemState.POISON, 1L, ItemState.FAILED, 1L), runs.run(run).orElseThrow().counts());
        }
    }

    @Test
    void listingReadsTheNewestMonthsAndOldRunsExpireWithTheirItems(AzuriteExtension.StorageAccount account) throws Exception {
        try (Repository repo = ServiceFixture.repo(account, tmp)) {
            RunStore runs = new RunStore(repo.state());
            PlannedItem a = new PlannedItem(new ProtectedItem("user", "a"), Set.of(Workload.MAIL));
            Instant now = Instant.now();
            List<String> ids = new java.util.ArrayList<>();
            for (int daysAgo : new int[] {500, 420, 60, 35, 1}) {
                Instant t = now.minus(java.time.Duration.ofDays(daysAgo));
                String id = TimeIds.next(t);
                runs.create(id, t, "test", new Plan(List.of(a), List.of()));
                runs.put(id, ItemStatus.queued(a).with(ItemState.DONE, t, t, List.of()));
                ids.add(id);
            }
            java.util.Collections.reverse(ids);
            assertEquals(ids.subList(0, 3), runs.list(3).stream().map(RunInfo::id).toList(), "newest first, across months");
            assertEquals(ids, runs.list(10).stream().map(RunInfo::id).toList());

            assertEquals(2, runs.expire(now.minus(RunStore.KEPT)), "the two runs older than the records are kept");
            assertEquals(ids.subList(0, 3), runs.list(10).stream().map(RunInfo::id).toList());
            assertTrue(runs.run(ids.get(4)).isEmpty());
            assertEquals(List.of(), runs.items(ids.get(4)), "their item rows went with them");
            assertEquals(1, runs.items(ids.get(0)).size());
        }
    }
}
