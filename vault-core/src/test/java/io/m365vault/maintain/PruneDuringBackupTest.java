package io.m365vault.maintain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365vault.repo.Repository;
import io.m365vault.repo.WriterSession;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link LongBackup} on an in-memory repository: many prune passes race the backup's lookups, and nothing is lost. */
class PruneDuringBackupTest {
    @Test
    void pruneAgainAndAgainDuringALongBackupLosesNothing() throws Exception {
        try (Repository repo = Repository.inMemory(new WriterSession.CommitLimits(16 << 20, 2000, Duration.ofSeconds(30),
                Duration.ofMillis(150)))) {
            int passes = LongBackup.run(repo, Duration.ofMillis(30));
            assertTrue(passes > 10, "only " + passes + " prune passes ran beside the backup");
        }
    }
}
