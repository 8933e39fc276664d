package io.m365vault.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * How long a writer session trusts the index (what garbage collection's grace rests on): a
 * commit relying on an older answer is refused, and after a commit old knowledge is dropped, so
 * a chunk condemned since is met again and stored again.
 */
class WriterSessionKnowledgeTest {
    private static byte[] data(int seed, int size) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static Repository repo(Duration knowledge) {
        return Repository.inMemory(new WriterSession.CommitLimits(64 << 20, 2000, Duration.ofSeconds(30), knowledge));
    }

    private static CatalogEntry row(String id, ContentRef ref) {
        return new CatalogEntry("p", id, Instant.EPOCH, null, "message", "f", ref.size(), ref, new byte[] {'{', '}'});
    }

    @Test
    void aCommitRelyingOnAnIndexAnswerOlderThanTheTrustIsRefusedAndWritesNoRow() throws Exception {
        try (Repository repo = repo(Duration.ofMillis(300)); WriterSession s = repo.newSession()) {
            // Over one lookup batch (8 MiB): the index is asked while the content is still being stored.
            ContentRef ref = s.store(data(1, 9 << 20), ChunkerParams.FILES);
            Thread.sleep(500);
            s.record(row("a", ref));
            RepositoryException e = assertThrows(RepositoryException.class, s::commit);
            assertTrue(e.getMessage().contains("relied on an index answer") && e.getMessage().contains("rows and checkpoints were not written"),
                    e.getMessage());
            assertTrue(repo.catalog().current("p", "a").isEmpty());
        }
    }

    @Test
    void afterACommitOldKnowledgeIsDroppedSoAChunkCondemnedSinceIsStoredAgain() throws Exception {
        byte[] content = data(2, 300_000);
        try (Repository repo = repo(Duration.ofSeconds(1)); WriterSession s = repo.newSession()) {
            ContentRef first = s.store(content, ChunkerParams.SMALL);
            s.commit();
            Thread.sleep(600); // past half the trust, within it
            s.commit();
            List<IndexChange> condemn = new ArrayList<>();
            repo.index().forEachRow(r -> condemn.add(IndexChange.condemn(r, Instant.now())));
            repo.index().apply(condemn);
            String before = repo.index().find(first.ids()).get(first.ids().get(0)).packId();
            ContentRef again = s.store(content, ChunkerParams.SMALL);
            s.record(row("b", again));
            s.commit();
            assertEquals(first, again);
            ChunkLocation now = repo.index().find(again.ids()).get(again.ids().get(0));
            assertNotEquals(before, now.packId(), "stored again in a new pack");
            assertTrue(!now.condemned());
        }
    }
}
