package io.m365vault.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.data.tables.TableClient;
import com.azure.data.tables.models.TableEntity;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.BackupOptions;
import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import io.m365vault.graph.TenantGraphReader;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.graphsim.model.SimUser;
import io.m365vault.repo.Repository;
import io.m365vault.testkit.AzuriteExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a backup, nothing the storage account holds names what was backed up: every blob (its
 * name and bytes) and every table entity (its keys and every property, text or binary) of the
 * repository and of the lease container is searched for the mailbox's subjects, names, UPN,
 * GUID and Graph ids, and for the delta links' tokens.
 */
@ExtendWith(AzuriteExtension.class)
class NothingReadableTest {
    @TempDir
    Path tmp;

    @Test
    void noSubjectNameUpnGuidGraphIdOrDeltaLinkIsReadableInStorage(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(81).users(4).messagesPerFolder(4).build().start();
             Repository repo = ServiceFixture.repo(account, tmp)) {
            SimUser user = null;
            for (int i = 0; user == null; i++) {
                SimUser u = sim.tenant().directory().user(i);
                if (u.kind == SimUser.Kind.NORMAL && u.hasMailbox()) {
                    user = u;
                }
            }
            TenantGraphReader graph = ServiceFixture.graph(sim);
            PlannedItem planned = new PlannedItem(new ProtectedItem("user", user.id), Set.of(Workload.MAIL, Workload.CALENDAR, Workload.CONTACTS));
            BlobContainerClient leases = ItemLease.container(ServiceFixture.storage(account));
            new BackupItemService(repo, graph, BackupOptions.DEFAULTS, leases, Clock.systemUTC()).backup("20261201T000000000Z-abcdef", planned);
            assertTrue(repo.state().get("run/20261201T000000000Z-abcdef", planned.item().toString()).isPresent(), "the run's row is there");

            Set<String> needles = new LinkedHashSet<>(List.of(user.id, user.userPrincipalName, user.displayName));
            JsonNode snap = sim.snapshot(user.id);
            for (String workload : List.of("mail", "events", "contacts")) {
                for (JsonNode n : snap.path(workload)) {
                    for (String field : List.of("id", "subject", "displayName", "folder")) {
                        if (n.hasNonNull(field)) {
                            needles.add(n.get(field).asText());
                        }
                    }
                }
            }
            for (JsonNode f : graph.get("users/" + user.id + "/mailFolders?$top=100").path("value")) {
                needles.add(f.get("id").asText());
            }
            for (Map.Entry<String, Map<String, Object>> row : repo.state().list("sync:" + planned.item().partition(Workload.MAIL))) {
                Object link = row.getValue().getOrDefault("delta", row.getValue().get("next"));
                if (link instanceof String s) {
                    needles.add(s.substring(s.lastIndexOf('=') + 1)); // the token itself
                }
            }
            needles.removeIf(n -> n == null || n.length() < 8);
            assertTrue(needles.size() > 50, "enough to look for: " + needles.size());

            List<String> found = new ArrayList<>();
            var blobs = ServiceFixture.storage(account).blobs();
            for (BlobContainerClient c : List.of(blobs.getBlobContainerClient(repo.name()), leases)) {
                for (BlobItem b : c.listBlobs()) {
                    scan(found, "blob name " + b.getName(), b.getName().getBytes(StandardCharsets.UTF_8), needles);
                    scan(found, "blob " + b.getName(), c.getBlobClient(b.getName()).downloadContent().toBytes(), needles);
                }
            }
            var tables = ServiceFixture.storage(account).tables();
            for (String t : List.of("chunks", "catalog", "state")) {
                TableClient table = tables.getTableClient(repo.name().replace("-", "") + t);
                int rows = 0;
                for (TableEntity e : table.listEntities()) {
                    rows++;
                    for (Map.Entry<String, Object> p : e.getProperties().entrySet()) {
                        byte[] bytes = p.getValue() instanceof byte[] b ? b : String.valueOf(p.getValue()).getBytes(StandardCharsets.UTF_8);
                        scan(found, t + " " + p.getKey(), bytes, needles);
                    }
                }
                assertTrue(rows > 0, t + " has rows");
            }
            assertEquals(List.of(), found.subList(0, Math.min(10, found.size())), found.size() + " readable names");
        }
    }

    private static void scan(List<String> found, String where, byte[] haystack, Set<String> needles) {
        String text = new String(haystack, StandardCharsets.ISO_8859_1);
        for (String n : needles) {
            String latin = new String(n.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            // Base64 is no disguise: a name encoded whole is as readable as the name.
            String b64 = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(n.getBytes(StandardCharsets.UTF_8));
            if (text.contains(latin) || text.contains(b64.substring(0, b64.length() - 1))) {
                found.add(where + " holds " + n);
            }
        }
    }
}
