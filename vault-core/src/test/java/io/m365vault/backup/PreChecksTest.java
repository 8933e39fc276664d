package io.m365vault.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graph.TenantGraph;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.graphsim.model.SimUser;
import io.m365vault.repo.Repository;
import io.m365vault.restore.tenant.FileRestore;
import io.m365vault.restore.tenant.MailRestore;
import io.m365vault.restore.tenant.RestoreRefusedException;
import io.m365vault.restore.tenant.TenantRestoreOptions;
import io.m365vault.testkit.AzuriteExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-checks of a restore into the tenant against graph-sim's unlicensed users, users without
 * a mailbox or OneDrive, a drive quota and a refused probe: each one line, before any write.
 */
@ExtendWith(AzuriteExtension.class)
class PreChecksTest {
    @TempDir
    Path tmp;

    @Test
    void aTargetWithoutLicenceMailboxOrOneDriveIsRefusedWithWhy(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(95).users(12).messagesPerFolder(2).filesPerDrive(5).build().start();
             Repository repo = SimTenant.repo(account, tmp, "pre");
             TenantGraph graph = SimTenant.graph(sim)) {
            String a = SimTenant.twoMailUsers(sim).get(0);
            ProtectedItem item = new ProtectedItem("user", a);
            Instant t = Instant.now();
            SimTenant.backup(sim, repo, a, t, Workload.MAIL, Workload.FILES);
            ProtectedItem unlicensed = user(sim, SimUser.Kind.UNLICENSED);
            ProtectedItem noMailbox = user(sim, SimUser.Kind.NO_MAILBOX);
            ProtectedItem noOneDrive = user(sim, SimUser.Kind.NO_ONEDRIVE);
            Map<ProtectedItem, String> before = new java.util.HashMap<>();
            for (ProtectedItem u : List.of(unlicensed, noMailbox, noOneDrive)) {
                before.put(u, sim.snapshot(u.id()).toString());
            }

            assertEquals(unlicensed + " has no licence, so no Exchange Online mailbox (404 MailboxNotEnabledForRESTAPI): assign one with"
                    + " Exchange Online and restore again", refusedMail(repo, graph, item, t, unlicensed));
            assertEquals(noMailbox + " has no Exchange Online mailbox (404 MailboxNotEnabledForRESTAPI): its licence lacks Exchange Online,"
                    + " or the mailbox is inactive or on-premises", refusedMail(repo, graph, item, t, noMailbox));
            assertEquals(unlicensed + " has no licence, so no OneDrive (404 ResourceNotFound): assign one with SharePoint (OneDrive) and"
                    + " restore again", refusedFiles(repo, graph, item, t, unlicensed));
            assertEquals(noOneDrive + " has no OneDrive (404 ResourceNotFound): its licence lacks SharePoint (OneDrive), or its OneDrive was"
                    + " never made (it is made at first sign-in)", refusedFiles(repo, graph, item, t, noOneDrive));
            before.forEach((u, was) -> assertEquals(was, sim.snapshot(u.id()).toString(), u + " untouched"));

            // A 403 on the first read of the mailbox (an application access policy leaving it out) stops it before any write.
            int messages = sim.snapshot(a).path("mail").size();
            ObjectNode fault = new ObjectMapper().createObjectNode();
            fault.putArray("inject").addObject().put("path", "mailFolders/inbox").put("method", "GET").put("status", 403)
                    .put("code", "ErrorAccessDenied").put("count", 1);
            sim.faults(fault);
            String denied = refusedMail(repo, graph, item, t, item);
            assertTrue(denied.startsWith("Graph refuses to write the mailbox of " + item + " (403 ErrorAccessDenied): the app needs the"
                    + " Mail.ReadWrite application permission"), denied);
            assertEquals(messages, sim.snapshot(a).path("mail").size());
        }
    }

    @Test
    void aDriveWithLessRoomThanTheFilesIsRefusedAndASmallerRestoreFits(AzuriteExtension.StorageAccount account) throws Exception {
        // The first user's OneDrive holds a 2 MiB file; every drive gets a quota leaving the second user's 1 to 2 MiB free.
        GraphSim.Builder tenant = GraphSim.builder().seed(96).users(12).filesPerDrive(5).set("large-file-mb", "2");
        long usedByB;
        try (GraphSim probe = tenant.build().start()) {
            usedByB = probe.snapshot(FileRestoreTest.twoDriveUsers(probe).get(1)).path("driveQuota").get(0).get("used").asLong();
        }
        long quotaMb = usedByB / (1024 * 1024) + 2;
        try (GraphSim sim = tenant.set("drive-quota-mb", Long.toString(quotaMb)).build().start();
             Repository repo = SimTenant.repo(account, tmp, "preq");
             TenantGraph graph = SimTenant.graph(sim)) {
            List<String> users = FileRestoreTest.twoDriveUsers(sim);
            ProtectedItem a = new ProtectedItem("user", users.get(0));
            ProtectedItem b = new ProtectedItem("user", users.get(1));
            Instant t = Instant.now();
            SimTenant.backup(sim, repo, a.id(), t, Workload.FILES);
            long bytes = 0;
            for (JsonNode f : sim.snapshot(a.id()).path("files")) {
                bytes += f.get("size").asLong();
            }
            JsonNode quota = sim.snapshot(b.id()).path("driveQuota").get(0);
            assertEquals(quotaMb * 1024 * 1024, quota.get("total").asLong());
            assertTrue(quota.get("remaining").asLong() < bytes, quota + " vs " + bytes);
            Map<String, String> filesOfB = FileRestoreTest.shown(sim, b.id(), "");

            String refused = refusedFiles(repo, graph, a, t, b);
            assertEquals("the drive of " + b + " has " + quota.get("remaining").asLong() + " bytes free (quota.remaining of " + quotaMb * 1024 * 1024 + ") and"
                    + " the files to restore take " + bytes + ": free space there, or restore less (a path or filters)", refused);
            assertEquals(filesOfB, FileRestoreTest.shown(sim, b.id(), ""), "nothing written");

            // The smallest file alone fits.
            String smallest = null;
            long least = Long.MAX_VALUE;
            for (JsonNode f : sim.snapshot(a.id()).path("files")) {
                if (f.get("size").asLong() > 0 && f.get("size").asLong() < least) {
                    least = f.get("size").asLong();
                    smallest = f.get("path").asText();
                }
            }
            io.m365vault.restore.tenant.TenantRestoreResult fits = new FileRestore(repo, graph).plan(a, t, "OneDrive" + smallest, false, io.m365vault.restore.SearchScope.ALL)
                    .run("job2", new TenantRestoreOptions(b, "Small", false));
            assertTrue(fits.complete(), fits.failures().toString());
            assertEquals(1, FileRestoreTest.shown(sim, b.id(), "/Small").size());
        }
    }

    private static String refusedMail(Repository repo, TenantGraph graph, ProtectedItem from, Instant t, ProtectedItem into) {
        return assertThrows(RestoreRefusedException.class, () -> new MailRestore(repo, graph).restore("j", from, t,
                new TenantRestoreOptions(into, "Restored", false))).getMessage();
    }

    private static String refusedFiles(Repository repo, TenantGraph graph, ProtectedItem from, Instant t, ProtectedItem into) {
        return assertThrows(RestoreRefusedException.class, () -> new FileRestore(repo, graph).restore("j", from, t, null,
                new TenantRestoreOptions(into, "Restored", false))).getMessage();
    }

    private static ProtectedItem user(GraphSim sim, SimUser.Kind kind) {
        for (int i = 0; ; i++) {
            SimUser u = sim.tenant().directory().user(i);
            if (u.kind == kind) {
                return new ProtectedItem("user", u.id);
            }
        }
    }
}
