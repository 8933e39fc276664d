package io.m365vault.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365vault.backup.ItemResult.WorkloadResult;
import io.m365vault.graph.GraphClients;
import io.m365vault.graph.GraphReader;
import io.m365vault.graph.GraphSettings;
import io.m365vault.graph.TenantGraphReader;
import io.m365vault.graph.ThrottleConfig;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.graphsim.entra.SimTls;
import io.m365vault.repo.Repository;
import io.m365vault.testkit.AzuriteExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * List item attachments through SharePoint REST, as graph-sim serves it under each site's webUrl:
 * a file that cannot be read, SharePoint refusing the app's token, and the two credentials an app
 * can have (a secret, which SharePoint refuses app-only, and a certificate, which it takes).
 */
@ExtendWith(AzuriteExtension.class)
class ListAttachmentsTest {
    private static final String TENANT = "5f1e2d3c-0000-4000-8000-0000000000cc";
    private static final String APP = "6a2b3c4d-0000-4000-8000-0000000000dd";
    private static final String LISTING = "GET _api/web/lists/items/AttachmentFiles";
    @TempDir
    Path tmp;

    @Test
    void aFileThatCannotBeReadIsAFailedItemAndTheNextRunReadsIt(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(51).users(8).build().start();
             Repository repo = SimTenant.repo(account, tmp, "lafile")) {
            ProtectedItem site = SimSites.site(sim, 1);
            ItemBackup backup = new ItemBackup(repo, SimTenant.reader(sim, 5), BackupOptions.DEFAULTS);
            sim.faults(Json.MAPPER.readTree("{\"inject\": [{\"path\": \"AttachmentFiles('Screenshot 10.png')/$value\", \"status\": 500, \"count\": 1000}]}"));
            Map<String, String> all = SimSites.simAttachments(sim, site);
            Instant t1 = Instant.now();
            WorkloadResult first = ListsBackupTest.lists(backup, "run1", t1, site);
            Set<String> failed = new java.util.TreeSet<>();
            first.faults().forEach(f -> failed.add(f.itemId()));
            Map<String, String> others = new TreeMap<>(all);
            others.keySet().removeIf(k -> k.endsWith("/Screenshot 10.png"));
            assertEquals(Set.copyOf(new java.util.ArrayList<>(all.keySet()).stream().filter(k -> k.endsWith("/Screenshot 10.png")).toList()), failed,
                    "each list's item 10 has the file: each is one failed item, named");
            SimTenant.assertSame(others, SimSites.backedUpAttachments(repo, site, t1));
            SimTenant.assertSame(SimSites.simItems(sim, site), SimSites.backedUpItems(repo, site, t1));

            sim.faults(Json.MAPPER.readTree("{\"clearInjected\": true}"));
            Instant t2 = t1.plusSeconds(60);
            WorkloadResult second = ListsBackupTest.lists(backup, "run2", t2, site);
            assertEquals(0, second.faults().size(), second.faults().toString());
            SimTenant.assertSame(all, SimSites.backedUpAttachments(repo, site, t2));
        }
    }

    @Test
    void aRunThatDiesWhileReadingAPagesFilesLeavesThemToTheNextRun(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(55).users(8).build().start();
             Repository repo = SimTenant.repo(account, tmp, "ladies")) {
            ProtectedItem site = SimSites.site(sim, 1);
            GraphReader real = SimTenant.reader(sim, 50);
            // The worker dies (an unchecked failure, not an item's) at the second item's files: after the first item's
            // were written, before the page's checkpoint. What stands is committed, as after a kill that left it durable.
            java.util.concurrent.atomic.AtomicInteger listings = new java.util.concurrent.atomic.AtomicInteger();
            GraphReader dying = new PassThroughGraph(real) {
                @Override
                public com.fasterxml.jackson.databind.JsonNode get(String pathOrUrl) throws java.io.IOException {
                    if (pathOrUrl.endsWith("/AttachmentFiles") && listings.incrementAndGet() == 2) {
                        throw new IllegalStateException("worker killed");
                    }
                    return real.get(pathOrUrl);
                }
            };
            Instant t1 = Instant.now();
            WorkloadResult first = new ItemBackup(repo, dying, BackupOptions.DEFAULTS).run("run1", t1, site, Set.of(Workload.LISTS))
                    .workloads().get(Workload.LISTS);
            assertEquals(WorkloadResult.Outcome.FAILED, first.outcome(), first.reason());
            assertTrue(SimSites.backedUpAttachments(repo, site, t1).size() < SimSites.simAttachments(sim, site).size(), "it died midway");

            Instant t2 = t1.plusSeconds(60);
            WorkloadResult second = ListsBackupTest.lists(new ItemBackup(repo, real, BackupOptions.DEFAULTS), "run2", t2, site);
            assertEquals(0, second.faults().size(), second.faults().toString());
            SimTenant.assertSame(SimSites.simItems(sim, site), SimSites.backedUpItems(repo, site, t2));
            SimTenant.assertSame(SimSites.simAttachments(sim, site), SimSites.backedUpAttachments(repo, site, t2));
        }
    }

    @Test
    void sharePointRefusingTheTokenFailsTheItemsWithFilesAsksOnceAndSaysSo(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(52).users(8).build().start();
             Repository repo = SimTenant.repo(account, tmp, "larefused")) {
            ProtectedItem site = SimSites.site(sim, 1);
            ItemBackup backup = new ItemBackup(repo, SimTenant.reader(sim, 5), BackupOptions.DEFAULTS);
            sim.faults(Json.MAPPER.readTree("{\"inject\": [{\"path\": \"/AttachmentFiles\", \"status\": 401, \"count\": 1}]}"));
            Instant t1 = Instant.now();
            WorkloadResult first = ListsBackupTest.lists(backup, "run1", t1, site);
            assertEquals(1, sim.stats().path("perEndpoint").path(LISTING).asLong(), "no more asked once refused");
            assertTrue(first.reason().startsWith("list item attachments are not backed up: SharePoint REST refuses the app's token (401"),
                    first.reason());
            long withFiles = SimSites.simAttachments(sim, site).keySet().stream().map(k -> k.substring(0, k.indexOf('/'))).distinct().count();
            assertEquals(withFiles, first.faults().size(), "every item with files is a failed item: " + first.faults());
            assertTrue(SimSites.backedUpAttachments(repo, site, t1).isEmpty());
            SimTenant.assertSame(SimSites.simItems(sim, site), SimSites.backedUpItems(repo, site, t1));

            Instant t2 = t1.plusSeconds(60);
            WorkloadResult second = ListsBackupTest.lists(backup, "run2", t2, site);
            assertEquals(0, second.faults().size(), second.faults().toString());
            assertNull(second.reason());
            SimTenant.assertSame(SimSites.simAttachments(sim, site), SimSites.backedUpAttachments(repo, site, t2));
        }
    }

    @Test
    void aClientSecretLeavesTheFilesOutAndNamesTheCertificateSetting(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(53).users(8).build().start().startTls();
             Repository repo = SimTenant.repo(account, tmp, "lasecret")) {
            SimTls.trustInThisJvm();
            sim.registerApp(TENANT, APP, "s3cret~value");
            ProtectedItem site = SimSites.site(sim, 1);
            GraphReader graph = reader(new GraphSettings(TENANT, APP, "s3cret~value", null, null, sim.tlsBaseUrl(), sim.authorityHost()));
            Instant t1 = Instant.now();
            WorkloadResult r = ListsBackupTest.lists(new ItemBackup(repo, graph, BackupOptions.DEFAULTS), "run1", t1, site);
            assertTrue(r.reason().startsWith("list item attachments are not backed up: Graph has no API for them and SharePoint REST refuses this app: "
                    + "the app signs in with a client secret (GRAPH_CLIENT_SECRET)") && r.reason().contains("GRAPH_CLIENT_CERT")
                    && r.reason().matches(".*; [1-9]\\d* of the \\d+ items this run wrote have attachments"), r.reason());
            assertEquals(0, sim.stats().path("perEndpoint").path(LISTING).asLong(), "SharePoint REST is not asked");
            assertEquals(0, r.faults().size());
            SimTenant.assertSame(SimSites.simItems(sim, site), SimSites.backedUpItems(repo, site, t1));
        }
    }

    @Test
    void aCertificateCredentialBacksTheFilesUp(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(54).users(8).build().start().startTls();
             Repository repo = SimTenant.repo(account, tmp, "lacert")) {
            SimTls.trustInThisJvm();
            Path pem = SimTls.appCertificate(tmp);
            sim.registerAppCertificate(TENANT, APP, Files.readString(pem));
            ProtectedItem site = SimSites.site(sim, 1);
            GraphReader graph = reader(new GraphSettings(TENANT, APP, null, pem, null, sim.tlsBaseUrl(), sim.authorityHost()));
            Instant t1 = Instant.now();
            WorkloadResult r = ListsBackupTest.lists(new ItemBackup(repo, graph, BackupOptions.DEFAULTS), "run1", t1, site);
            assertNull(r.reason());
            assertEquals(0, r.faults().size(), r.faults().toString());
            assertTrue(sim.stats().path("perEndpoint").path(LISTING).asLong() > 0);
            Map<String, String> files = SimSites.simAttachments(sim, site);
            assertTrue(files.size() >= 4, files.keySet().toString());
            SimTenant.assertSame(files, SimSites.backedUpAttachments(repo, site, t1));
        }
    }

    private static GraphReader reader(GraphSettings settings) {
        return new TenantGraphReader(GraphClients.create(settings, ThrottleConfig.defaults()), 5);
    }
}
