package io.m365vault.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.ItemResult.WorkloadResult;
import io.m365vault.graph.GraphReader;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.repo.Repository;
import io.m365vault.restore.ExportOptions;
import io.m365vault.restore.ExportResult;
import io.m365vault.restore.ExportedFile;
import io.m365vault.restore.ItemExporter;
import io.m365vault.testkit.AzuriteExtension;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A deleted calendar, a deleted contact folder and an event's last attachment close with what they held, and exports leave them out. */
@ExtendWith(AzuriteExtension.class)
class ContainerDeletionsTest {
    @TempDir
    Path tmp;

    private static String seg(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    private static void delete(GraphSim sim, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/" + path)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, r.statusCode(), path + ": " + r.body());
    }

    @Test
    void deletedContainersCloseWithTheirChildren(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(71).users(4).build().start();
             Repository repo = SimTenant.repo(account, tmp, "del")) {
            String user = SimTenant.mailUser(sim);
            String u = "users/" + user;
            ProtectedItem item = new ProtectedItem("user", user);
            GraphReader graph = SimTenant.reader(sim, 50);
            ItemBackup backup = new ItemBackup(repo, graph, BackupOptions.DEFAULTS);
            Set<Workload> workloads = Set.of(Workload.CALENDAR, Workload.CONTACTS);
            Instant t1 = Instant.now();
            assertTrue(backup.run("r1", t1, item, workloads).ok());

            String projects = null;
            for (JsonNode c : graph.get(u + "/calendars").path("value")) {
                if (!c.path("isDefaultCalendar").asBoolean(false)) {
                    projects = c.get("id").asText();
                }
            }
            JsonNode folder = graph.get(u + "/contactFolders").path("value").get(0);
            String folderId = folder.get("id").asText();
            assertTrue(graph.get(u + "/contactFolders/" + seg(folderId) + "/contacts").path("value").size() > 0, "the folder holds contacts");
            JsonNode withAttachments = null;
            for (JsonNode e : graph.get(u + "/calendar/events?$top=100").path("value")) {
                if (e.path("hasAttachments").asBoolean(false)) {
                    withAttachments = e;
                }
            }
            String event = withAttachments.get("id").asText();
            Map<String, String> eventsBefore = SimTenant.simEvents(sim, user);
            delete(sim, u + "/calendars/" + seg(projects));
            delete(sim, u + "/contactFolders/" + seg(folderId));
            for (JsonNode a : graph.get(u + "/events/" + seg(event) + "/attachments").path("value")) {
                delete(sim, u + "/events/" + seg(event) + "/attachments/" + seg(a.get("id").asText()));
            }

            Instant t2 = t1.plusSeconds(60);
            ItemResult second = backup.run("r2", t2, item, workloads);
            for (WorkloadResult w : second.workloads().values()) {
                assertEquals(WorkloadResult.Outcome.DONE, w.outcome(), w.reason());
            }
            SimTenant.assertSame(SimTenant.simEvents(sim, user), SimTenant.backedUpEvents(repo, user, t2));
            SimTenant.assertSame(SimTenant.simContacts(sim, user), SimTenant.backedUpContacts(repo, user, t2));
            SimTenant.assertSame(eventsBefore, SimTenant.backedUpEvents(repo, user, t1));
            assertTrue(SimTenant.backedUpEvents(repo, user, t2).get(event).endsWith("|[]"), "the event has no attachment left");

            ExportResult export = new ItemExporter().export(repo, item, t2, tmp.resolve("t2"), ExportOptions.defaults());
            assertTrue(export.complete(), export.failures().toString());
            for (ExportedFile f : export.files()) {
                assertFalse(f.path().startsWith("calendar/Projects"), "the deleted calendar is not exported: " + f.path());
                assertFalse(f.path().contains(folder.get("displayName").asText() + ".vcf"), "nor the deleted contact folder: " + f.path());
            }
            ExportResult before = new ItemExporter().export(repo, item, t1, tmp.resolve("t1"), ExportOptions.defaults());
            assertTrue(before.files().stream().anyMatch(f -> f.path().startsWith("calendar/Projects")), "at t1 it was there");
        }
    }
}
