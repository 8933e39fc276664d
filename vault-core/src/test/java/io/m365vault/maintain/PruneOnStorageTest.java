package io.m365vault.maintain;

import io.m365vault.service.StepClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365vault.repo.FileKek;
import io.m365vault.repo.Repository;
import io.m365vault.repo.StorageAccount;
import io.m365vault.repo.StoredPack;
import io.m365vault.repo.Verifier;
import io.m365vault.repo.VerifyReport;
import io.m365vault.repo.WriterSession;
import io.m365vault.testkit.AzuriteExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Prune on a repository in (strict) Azurite: blobs, the chunks, catalog and state tables as a deployment has them. */
@ExtendWith(AzuriteExtension.class)
class PruneOnStorageTest {
    private static final RetentionPolicy CURRENT_ONLY = RetentionPolicy.parse(
            "{\"keepAllDays\":0,\"daily\":0,\"weekly\":0,\"monthly\":0,\"lastVersions\":0}");

    @TempDir
    Path tmp;

    private Repository init(AzuriteExtension.StorageAccount account, WriterSession.CommitLimits limits) throws Exception {
        StorageAccount storage = StorageAccount.of(account.connectionString());
        String name = "p" + Long.toHexString(System.nanoTime());
        FileKek kek = FileKek.create(tmp.resolve(name + ".kek"));
        Repository.init(storage, name, kek).close();
        return Repository.open(storage, name, kek, limits);
    }

    private static long storedBytes(Repository repo) {
        return repo.packs().stored().stream().mapToLong(StoredPack::size).sum();
    }

    @Test
    void backUpChangeBackUpPruneTwice(AzuriteExtension.StorageAccount account) throws Exception {
        try (Repository repo = init(account, WriterSession.CommitLimits.DEFAULT)) {
            StepClock clock = new StepClock(Instant.now());
            Instant t0 = clock.instant().minus(Duration.ofDays(5));
            History history = History.backUpChangeBackUp(repo, t0, 2);
            long before = storedBytes(repo);
            PruneReport first = new Prune(repo, CURRENT_ONLY, clock, () -> { }).run(PruneOptions.defaults());
            assertEquals(2, first.versionsDropped(), first.toString());
            assertEquals(before, storedBytes(repo));
            clock.advance(PruneOptions.DEFAULT_GRACE.plusHours(1));
            PruneReport second = new Prune(repo, CURRENT_ONLY, clock, () -> { }).run(PruneOptions.defaults());
            assertEquals(first.chunksCondemned(), second.chunksDeleted(), second.toString());
            assertEquals(1, second.packsRepacked(), second.toString());
            assertTrue(storedBytes(repo) < before - (3 << 20), before + " -> " + storedBytes(repo));
            VerifyReport v = new Verifier(repo).verify(true);
            assertTrue(v.ok() && v.unindexedChunks() == 0, v.errors() + " " + v);
            history.assertViewAt(repo, clock.instant());
            history.assertViewAt(repo, t0.plus(Duration.ofDays(2)));
        }
    }

    @Test
    void pruneAgainAndAgainDuringALongBackupLosesNothing(AzuriteExtension.StorageAccount account) throws Exception {
        Duration trust = Duration.ofMillis(1500);
        try (Repository repo = init(account, new WriterSession.CommitLimits(16 << 20, 2000, Duration.ofSeconds(30), trust))) {
            int passes = LongBackup.run(repo, Duration.ofMillis(60));
            assertTrue(passes >= 3, "only " + passes + " prune passes ran beside the backup");
        }
    }
}
