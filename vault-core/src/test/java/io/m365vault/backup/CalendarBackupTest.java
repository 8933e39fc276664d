package io.m365vault.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365vault.backup.ItemResult.WorkloadResult;
import io.m365vault.graph.GraphReader;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.repo.Repository;
import io.m365vault.testkit.AzuriteExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(AzuriteExtension.class)
class CalendarBackupTest {
    @TempDir
    Path tmp;

    @Test
    void seriesExceptionsAndAttachmentsFollowTheTenant(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(41).users(4).build().start();
             Repository repo = SimTenant.repo(account, tmp, "cal")) {
            String user = SimTenant.mailUser(sim);
            ProtectedItem item = new ProtectedItem("user", user);
            GraphReader sdk = SimTenant.reader(sim, 20);
            java.util.List<String> requests = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            GraphReader counted = new GraphReader() {
                @Override
                public com.fasterxml.jackson.databind.JsonNode get(String pathOrUrl) throws java.io.IOException {
                    requests.add(pathOrUrl);
                    return sdk.get(pathOrUrl);
                }

                @Override
                public java.io.InputStream open(String pathOrUrl) throws java.io.IOException {
                    requests.add(pathOrUrl);
                    return sdk.open(pathOrUrl);
                }
            };
            ItemBackup backup = new ItemBackup(repo, counted, BackupOptions.DEFAULTS);
            Map<String, String> before = SimTenant.simEvents(sim, user);
            assertTrue(before.values().stream().anyMatch(v -> !v.contains("|0|")), "the tenant has series with exceptions: " + before);
            assertTrue(before.values().stream().anyMatch(v -> !v.endsWith("|[]")), "and events with attachments");

            Instant t1 = Instant.now();
            WorkloadResult full = backup.run("r1", t1, item, Set.of(Workload.CALENDAR)).workloads().get(Workload.CALENDAR);
            assertEquals(WorkloadResult.Outcome.DONE, full.outcome(), full.reason());
            SimTenant.assertSame(before, SimTenant.backedUpEvents(repo, user, t1));

            sim.mutate(6, 0.3, "events");
            requests.clear();
            Instant t2 = t1.plusSeconds(60);
            WorkloadResult incr = backup.run("r2", t2, item, Set.of(Workload.CALENDAR)).workloads().get(Workload.CALENDAR);
            assertEquals(WorkloadResult.Outcome.DONE, incr.outcome(), incr.reason());
            SimTenant.assertSame(SimTenant.simEvents(sim, user), SimTenant.backedUpEvents(repo, user, t2));
            SimTenant.assertSame(before, SimTenant.backedUpEvents(repo, user, t1));
            assertTrue(incr.stats().unchanged() > 0, "unchanged events are not rewritten: " + incr.stats());
            // In proportion to the change: the calendar view's delta names what changed; no calendar is listed whole.
            assertTrue(requests.stream().noneMatch(r -> r.matches(".*/calendars/[^/]+/events(\\?.*)?")), "no event listing: " + requests);
            long events = before.size();
            assertTrue(requests.size() < events, requests.size() + " requests for " + events + " events: " + requests);
        }
    }
}
