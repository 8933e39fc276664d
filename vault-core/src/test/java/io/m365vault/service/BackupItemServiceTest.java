package io.m365vault.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.util.Context;
import com.azure.storage.blob.specialized.BlobLeaseClientBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.BackupOptions;
import io.m365vault.graph.GraphReader;
import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.graphsim.model.SimUser;
import io.m365vault.repo.CommitRefusedException;
import io.m365vault.repo.Repository;
import io.m365vault.testkit.AzuriteExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(AzuriteExtension.class)
class BackupItemServiceTest {
    @TempDir
    Path tmp;

    @Test
    void oneBackupPerItemPerRunUnderTheLease(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(3).users(6).messagesPerFolder(4).build().start();
             Repository repo = ServiceFixture.repo(account, tmp)) {
            SimUser user = mailUser(sim);
            PlannedItem item = new PlannedItem(new ProtectedItem("user", user.id), Set.of(Workload.MAIL, Workload.LISTS));
            RunStore runs = new RunStore(repo.state());
            String run = newRun(runs, item);
            var leases = ItemLease.container(ServiceFixture.storage(account));
            BackupItemService service = new BackupItemService(repo, ServiceFixture.graph(sim), BackupOptions.DEFAULTS, leases,
                    Clock.systemUTC());

            // Another worker holds the item: this one must not back it up. The queue worker gives the
            // message back to be delivered later; the CLI records the item skipped, naming the holder.
            try (ItemLease other = ItemLease.tryAcquire(leases, repo, item.item(), "20261201T000000000Z-0ther0").orElseThrow()) {
                ItemHeldException busy = org.junit.jupiter.api.Assertions.assertThrows(ItemHeldException.class, () -> service.backup(run, item));
                assertTrue(busy.getMessage().contains("held by run 20261201T000000000Z-0ther0"), busy.getMessage());
                assertEquals(Optional.empty(), runs.item(run, item.item()));
                assertEquals(1L, runs.run(run).orElseThrow().counts().get(ItemState.QUEUED));
                String cliRun = newRun(runs, item);
                var recorded = service.backup(cliRun, item, BackupItemService.WhenHeld.RECORD);
                assertEquals(BackupItemService.Outcome.ALREADY_RUNNING, recorded.outcome());
                assertEquals(ItemState.SKIPPED, runs.item(cliRun, item.item()).orElseThrow().state());
                assertTrue(recorded.message().contains("held by run 20261201T000000000Z-0ther0"), recorded.message());
                assertEquals("done", runs.run(cliRun).orElseThrow().status(), "the run finishes: the held item is accounted for");
            }

            long before = sim.stats().path("requests").asLong(-1);
            var first = service.backup(run, item);
            assertEquals(BackupItemService.Outcome.RAN, first.outcome());
            ItemStatus s = first.status().orElseThrow();
            // A user has no lists (they are a site's): the item is done, with the reason recorded.
            assertEquals(ItemState.DONE, s.state(), s.errors().toString());
            assertTrue(s.items() > 0 && s.bytes() > 0 && s.added() == s.items(), s.toString());
            assertEquals(1, s.errors().size());
            assertTrue(s.errors().get(0).startsWith("lists skipped: "), s.errors().toString());
            assertEquals(s, runs.item(run, item.item()).orElseThrow());

            // The duplicate message, after the first finished: nothing runs, nothing changes.
            long after = sim.stats().path("requests").asLong(-1);
            var dup = service.backup(run, item);
            assertEquals(BackupItemService.Outcome.ALREADY_DONE, dup.outcome());
            assertEquals(Optional.of(s), dup.status());
            assertEquals(after, sim.stats().path("requests").asLong(-1), "the duplicate made no Graph request");
            assertTrue(after > before, "the first backup asked Graph");

            RunInfo info = runs.run(run).orElseThrow();
            assertEquals("done", info.status());
            assertEquals(1L, info.counts().get(ItemState.DONE));
            assertEquals(s.bytes(), info.bytes());

            // The lease was released: the next run takes the item at once.
            String run2 = TimeIds.next(Clock.systemUTC().instant().plus(Duration.ofSeconds(1)));
            runs.create(run2, Clock.systemUTC().instant(), "test", new Plan(List.of(item), List.of()));
            assertEquals(BackupItemService.Outcome.RAN, service.backup(run2, item).outcome());

            // A poisoned copy of a message whose item finished changes nothing.
            ItemStatus finished = runs.item(run2, item.item()).orElseThrow();
            service.poisoned(run2, item, "dequeued 5 times");
            assertEquals(finished, runs.item(run2, item.item()).orElseThrow());
            assertEquals("done", runs.run(run2).orElseThrow().status());
            // One whose attempts all failed shows as poisoned, and the run as failed.
            String run3 = newRun(runs, item);
            service.poisoned(run3, item, "dequeued 5 times");
            assertEquals(ItemState.POISON, runs.item(run3, item.item()).orElseThrow().state());
            assertEquals("failed", runs.run(run3).orElseThrow().status());
        }
    }

    @Test
    void aWorkerThatLosesTheLeaseStopsAndLeavesTheItemToTheNext(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(5).users(4).messagesPerFolder(4).build().start();
             Repository repo = ServiceFixture.repo(account, tmp)) {
            PlannedItem item = new PlannedItem(new ProtectedItem("user", mailUser(sim).id), Set.of(Workload.MAIL, Workload.CONTACTS));
            RunStore runs = new RunStore(repo.state());
            String run = newRun(runs, item);
            var leases = ItemLease.container(ServiceFixture.storage(account));
            GraphReader graph = ServiceFixture.graph(sim);
            // At its first Graph request the worker's lease is broken, as when it stalled past the
            // lease and another worker took the item.
            AtomicBoolean broken = new AtomicBoolean();
            Runnable breakLease = () -> {
                if (broken.compareAndSet(false, true)) {
                    new BlobLeaseClientBuilder().blobClient(leases.getBlobClient(ItemLease.blobName(repo, item.item())))
                            .buildClient().breakLeaseWithResponse(0, null, null, Context.NONE);
                }
            };
            GraphReader stalling = beforeEachRequest(graph, breakLease);
            BackupItemService stalled = new BackupItemService(repo, stalling, BackupOptions.DEFAULTS, leases, Clock.systemUTC());
            CommitRefusedException e = assertThrows(CommitRefusedException.class, () -> stalled.backup(run, item));
            assertTrue(e.getMessage().contains("lost the lease on leases/" + repo.name()), e.getMessage());
            // It committed nothing (no item version, no checkpoint) and stopped before the next
            // workload; the item's status is left to the worker that holds it now.
            Instant later = Instant.now().plusSeconds(3600);
            assertEquals(List.of(), repo.catalog().at(item.item().partition(Workload.MAIL), later));
            assertEquals(List.of(), repo.catalog().at(item.item().partition(Workload.CONTACTS), later));
            assertEquals(ItemState.RUNNING, runs.item(run, item.item()).orElseThrow().state());

            // The redelivered message, on a worker that holds the lease, backs the item up.
            var again = new BackupItemService(repo, graph, BackupOptions.DEFAULTS, leases, Clock.systemUTC()).backup(run, item);
            assertEquals(BackupItemService.Outcome.RAN, again.outcome());
            assertEquals(ItemState.DONE, again.status().orElseThrow().state(), again.toString());
            assertTrue(!repo.catalog().at(item.item().partition(Workload.MAIL), later).isEmpty());
        }
    }

    @Test
    void aRunningItemShowsWhatItHasSeenSoFar(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(7).users(4).messagesPerFolder(4).build().start();
             Repository repo = ServiceFixture.repo(account, tmp)) {
            PlannedItem item = new PlannedItem(new ProtectedItem("user", mailUser(sim).id), Set.of(Workload.MAIL, Workload.CONTACTS));
            RunStore runs = new RunStore(repo.state());
            String run = newRun(runs, item);
            GraphReader graph = ServiceFixture.graph(sim);
            // What the status API would show, looked at before each Graph request.
            List<ItemStatus> seen = new CopyOnWriteArrayList<>();
            GraphReader watched = beforeEachRequest(graph, () -> runs.item(run, item.item()).ifPresent(seen::add));
            ItemStatus done = new BackupItemService(repo, watched, BackupOptions.DEFAULTS, ItemLease.container(ServiceFixture.storage(account)),
                    Clock.systemUTC(), Duration.ZERO).backup(run, item).status().orElseThrow();
            assertEquals(ItemState.DONE, done.state(), done.toString());
            assertTrue(seen.stream().allMatch(s -> s.state() == ItemState.RUNNING && s.items() <= done.items()), seen.toString());
            // Mail is committed before contacts start: their requests see mail's counts.
            assertTrue(seen.stream().anyMatch(s -> s.items() > 0 && s.items() < done.items() && s.bytes() > 0), seen.toString());
        }
    }

    /** A new run of just this item. */
    private static String newRun(RunStore runs, PlannedItem item) {
        String run = TimeIds.next(Clock.systemUTC().instant());
        runs.create(run, Clock.systemUTC().instant(), "test", new Plan(List.of(item), List.of()));
        return run;
    }

    /** {@code graph}, running {@code action} before each request. */
    private static GraphReader beforeEachRequest(GraphReader graph, Runnable action) {
        return new GraphReader() {
            @Override
            public JsonNode get(String pathOrUrl) throws IOException {
                action.run();
                return graph.get(pathOrUrl);
            }

            @Override
            public InputStream open(String pathOrUrl) throws IOException {
                action.run();
                return graph.open(pathOrUrl);
            }
        };
    }

    static SimUser mailUser(GraphSim sim) {
        for (int i = 0; ; i++) {
            SimUser u = sim.tenant().directory().user(i);
            if (u.kind == SimUser.Kind.NORMAL && u.hasMailbox()) {
                return u;
            }
        }
    }
}
