package io.m365vault.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The writer session on in-memory parts: what it counts as stored, what it refuses after a failure, its pending view. */
class WriterSessionTest {
    private final ExecutorService cpu = Executors.newFixedThreadPool(2);
    private final RepoKeys keys = RepoKeys.generate();
    private final MemoryChunkIndex index = new MemoryChunkIndex();
    private final MemoryCatalog catalog = new MemoryCatalog();
    private final MemoryStateStore state = new MemoryStateStore();

    @AfterEach
    void stop() {
        cpu.shutdownNow();
    }

    private WriterSession session(PackStore packs) {
        return new WriterSession(keys, index, packs, catalog, state, cpu, 16 << 20, () -> { }, WriterSession.CommitLimits.DEFAULT);
    }

    private static CatalogEntry row(String id, Instant from, Instant to, ContentRef ref) {
        return new CatalogEntry("p", id, from, to, "message", "f", ref.size(), ref, "{}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSessionWhosePackUploadFailedRefusesAllFurtherWorkAndCountsNothingStored() throws Exception {
        MemoryPackStore memory = new MemoryPackStore();
        PackStore refusing = new ForwardingPackStore(memory) {
            @Override
            public void put(Pack pack) {
                throw new RepositoryException("storage refused the pack");
            }
        };
        try (WriterSession s = session(refusing)) {
            ContentRef ref = s.store("first message".getBytes(StandardCharsets.UTF_8), ChunkerParams.SMALL);
            s.record(row("a", Instant.EPOCH, null, ref));
            assertThrows(RepositoryException.class, () -> s.commit());
            assertEquals(0, s.stats().newChunks(), "a chunk counts as stored only once its pack is indexed");
            assertEquals(0, catalog.at("p", Instant.EPOCH).size(), "no row names chunks that are in no pack");
            // The same content again would be "known" to this session, yet it is in no pack: the session must not go on.
            IllegalStateException again = assertThrows(IllegalStateException.class,
                    () -> s.store("first message".getBytes(StandardCharsets.UTF_8), ChunkerParams.SMALL));
            assertTrue(again.getMessage().contains("failed earlier") && again.getMessage().contains("storage refused the pack"), again.getMessage());
            assertThrows(IllegalStateException.class, () -> s.record(row("b", Instant.EPOCH, null, ContentRef.EMPTY)));
            assertThrows(IllegalStateException.class, () -> s.checkpoint(new Checkpoint("s", "k", Map.of("v", 1L))));
        }
        assertEquals(List.of(), state.list("s"));
    }

    @Test
    void pendingRowsAreVisibleUntilCommittedAndAnEmptyVersionDeletesItsRow() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        Instant t1 = t0.plusSeconds(60);
        try (WriterSession s = session(new MemoryPackStore())) {
            s.record(row("a", t0, null, ContentRef.EMPTY));
            s.commit();
            s.record(row("a", t0, t1, ContentRef.EMPTY));
            s.record(row("a", t1, null, ContentRef.EMPTY));
            assertEquals(List.of(t1, t0), s.pending("p", "a").stream().map(CatalogEntry::validFrom).toList(), "newest first");
            s.commit();
            assertEquals(List.of(), s.pending("p", "a"));
            s.record(row("a", t1, t1, ContentRef.EMPTY)); // taken back by the same run
            s.commit();
        }
        assertEquals(List.of(t0), catalog.versions("p", "a").stream().map(CatalogEntry::validFrom).toList());
    }

    @Test
    void aForgottenRowGoesWithTheCommitAndACheckpointAfterItWins() {
        state.put(new Checkpoint("s", "gone", Map.of("v", 1L)));
        state.put(new Checkpoint("s", "back", Map.of("v", 1L)));
        try (WriterSession s = session(new MemoryPackStore())) {
            s.forget("s", "gone");
            s.forget("s", "back");
            s.checkpoint(new Checkpoint("s", "back", Map.of("v", 2L)));
            assertEquals(2, state.list("s").size(), "nothing before the commit");
            s.commit();
        }
        assertEquals(List.of("back"), state.list("s").stream().map(Map.Entry::getKey).toList());
        assertEquals(2L, state.get("s", "back").orElseThrow().get("v"));
    }
}
