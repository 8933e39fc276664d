package io.m365vault.backup;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365vault.graphsim.GraphSim;
import io.m365vault.repo.Repository;
import io.m365vault.testkit.AzuriteExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three days of heavy changes between two backups: messages moved out of a folder and back in,
 * moved on to a third, deleted. Each folder's delta (immutable ids) must report a message that is
 * there as there, whatever moves it made: the backup then holds every message where it is now.
 * (graph-sim once reported a message moved out and back as both removed and present, in id
 * order; 3 of 429 messages were lost from the later point in time.)
 */
@ExtendWith(AzuriteExtension.class)
class MessagesMovedBackTest {
    @TempDir
    Path tmp;

    @Test
    void aMessageMovedAwayAndBackBetweenBackupsIsStillBackedUp(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(61).users(3).messagesPerFolder(12).build().start();
             Repository repo = SimTenant.repo(account, tmp, "movedback")) {
            String user = SimTenant.mailUser(sim);
            Instant t1 = Instant.now();
            SimTenant.backup(sim, repo, user, t1, Workload.MAIL);
            Map<String, String> before = SimTenant.simMail(sim, user);
            SimTenant.assertSame(before, SimTenant.backedUpMail(repo, user, t1));
            for (int day = 80; day <= 82; day++) {
                sim.mutate(day, 0.9, "messages");
            }
            Map<String, String> after = SimTenant.simMail(sim, user);
            long stayed = after.entrySet().stream().filter(e -> e.getValue().equals(before.get(e.getKey()))).count();
            assertTrue(stayed > 0 && stayed < after.size(), "some messages ended where they were, others moved: " + stayed + " of " + after.size());
            Instant t2 = t1.plusSeconds(60);
            SimTenant.backup(sim, repo, user, t2, Workload.MAIL);
            SimTenant.assertSame(after, SimTenant.backedUpMail(repo, user, t2));
            SimTenant.assertSame(before, SimTenant.backedUpMail(repo, user, t1));
        }
    }
}
