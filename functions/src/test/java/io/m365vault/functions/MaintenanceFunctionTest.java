package io.m365vault.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365vault.maintain.Maintenance;
import io.m365vault.repo.CatalogEntry;
import io.m365vault.repo.ChunkerParams;
import io.m365vault.repo.ContentRef;
import io.m365vault.repo.Repository;
import io.m365vault.repo.WriterSession;
import io.m365vault.testkit.AzuriteExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The maintenance timer called as the host calls it, on Azurite: prune, a rotating verify, the status it leaves. */
@ExtendWith(AzuriteExtension.class)
class MaintenanceFunctionTest {
    @TempDir
    Path tmp;

    @Test
    void pruneThenVerifyLeaveTheirStatusAndAMissingPackFailsTheRun(AzuriteExtension.StorageAccount account) throws Exception {
        try (FunctionFixture f = new FunctionFixture(account, tmp, "{\"mail\":\"all\"}")) {
            Repository repo = f.services.vault().repo();
            byte[] data = new byte[400_000];
            new Random(5).nextBytes(data);
            try (WriterSession s = repo.newSession()) {
                ContentRef ref = s.store(data, ChunkerParams.SMALL);
                s.record(new CatalogEntry("user:u:mail", "m1", Instant.now(), null, "message", "inbox", ref.size(), ref, new byte[] {'{', '}'}));
                s.commit();
            }
            TestContext ctx = new TestContext("RunMaintenance");
            f.wire(new RunMaintenance()).run("{}", ctx);
            assertTrue(ctx.lines.stream().anyMatch(l -> l.contains("maintenance prune: versions=1 ")), ctx.lines.toString());
            assertTrue(ctx.lines.stream().anyMatch(l -> l.contains("maintenance verify: packs=1 ")), ctx.lines.toString());
            Map<String, Object> last = repo.state().get(Maintenance.SCOPE, Maintenance.LAST).orElseThrow();
            assertEquals(true, last.get("ok"), last.toString());
            assertEquals(0, ((Number) last.get("findings")).intValue());

            repo.packs().delete(repo.packs().list().get(0));
            TestContext bad = new TestContext("RunMaintenance");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> f.wire(new RunMaintenance()).run("{}", bad));
            assertTrue(e.getMessage().startsWith("maintenance found "), e.getMessage());
            assertTrue(bad.lines.stream().anyMatch(l -> l.contains("maintenance verify finding: ") && l.contains("is missing")),
                    bad.lines.toString());
            Map<String, Object> failed = repo.state().get(Maintenance.SCOPE, Maintenance.LAST).orElseThrow();
            assertEquals(false, failed.get("ok"));
            assertTrue(((String) failed.get("firstFindings")).contains("is missing"), failed.toString());
        }
    }
}
