package io.m365vault.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365vault.testkit.AzuriteExtension;
import io.m365vault.testkit.AzuriteExtension.StorageAccount;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Verify with read-data follows a long content's chunk-list chunks to the chunks they list. */
@ExtendWith(AzuriteExtension.class)
class VerifierTest {
    /** Small chunks, so that a content of 640 KiB is more chunks than a reference names inline. */
    private static final ChunkerParams TINY = new ChunkerParams(1024, 4096, 16384);

    @TempDir
    Path tmp;

    /** A content of more than {@link ContentRef#MAX_INLINE} chunks, recorded in the catalog. */
    private static ContentRef listed(Repository repo) {
        try (WriterSession s = repo.newSession()) {
            ContentRef ref = s.store(TestRepos.random(7, 40 * (16 << 10)), TINY);
            s.record(new CatalogEntry("user:u:files", "item", Instant.EPOCH, null, "file", null, ref.size(), ref,
                    "{}".getBytes(StandardCharsets.UTF_8)));
            s.commit();
            assertEquals(ContentRef.Kind.LISTED, ref.kind());
            return ref;
        }
    }

    /** The index row of the {@code n}th chunk of a new listed content. */
    private static ChunkLocation listedChunk(Repository repo, int n) {
        ChunkId id = repo.reader().chunkIds(listed(repo)).get(n);
        return repo.index().find(List.of(id)).get(id);
    }

    @Test
    void aListedChunkWithoutItsIndexRowIsNamedWithItsList(StorageAccount account) {
        io.m365vault.repo.StorageAccount storage = TestRepos.storage(account);
        try (Repository repo = Repository.init(storage, TestRepos.freshName(), TestRepos.newKek(tmp))) {
            ContentRef ref = listed(repo);
            List<ChunkId> data = repo.reader().chunkIds(ref);
            VerifyReport before = new Verifier(repo).verify(true);
            assertTrue(before.ok(), before.errors().toString());
            assertEquals(data.size(), before.listedChunks());

            ChunkId victim = data.get(5);
            storage.tables().getTableClient(Repository.tableName(repo.name(), "chunks"))
                    .deleteEntity(TableChunkIndex.partition(victim), victim.hex());
            VerifyReport report = new Verifier(repo).verify(true);
            assertEquals(List.of("chunk " + victim + " named by chunk-list chunk " + ref.ids().get(0) + " is not in the index"),
                    report.errors());
            assertEquals(1, report.unindexedChunks(), "its pack still holds it");
        }
    }

    @Test
    void aListedChunkWhosePackBytesWereAlteredIsNamed() {
        try (Repository repo = Repository.inMemory()) {
            ChunkLocation loc = listedChunk(repo, 9);
            ChunkId victim = loc.entry().id();
            byte[] pack = repo.packs().readAll(loc.packId());
            pack[loc.entry().offset() + loc.entry().length() / 2] ^= 0x20;
            repo.packs().put(new Pack(loc.packId(), pack, List.of()));

            VerifyReport report = new Verifier(repo).verify(true);
            assertEquals(List.of(victim), report.corruptChunks(), report.errors().toString());
            assertEquals(List.of("chunk " + victim + " in pack " + loc.packId() + " does not decrypt (altered bytes or a wrong pack offset)"),
                    report.errors());
        }
    }

    @Test
    void anIndexRowPlacingAChunkBeyondItsPackIsReportedNotThrown() {
        try (Repository repo = Repository.inMemory()) {
            ChunkLocation loc = listedChunk(repo, 2);
            ChunkId victim = loc.entry().id();
            PackEntry real = loc.entry();
            int size = (int) repo.packs().size(loc.packId());
            repo.index().add(loc.packId(), List.of(new PackEntry(victim, size - 10, real.length(), real.rawLength(), real.flags())));

            VerifyReport report = new Verifier(repo).verify(true);
            assertEquals(List.of(victim), report.corruptChunks(), report.errors().toString());
            assertEquals(List.of("chunk " + victim + ": index row does not match the header of pack " + loc.packId(),
                    "chunk " + victim + " in pack " + loc.packId() + " is listed at bytes " + (size - 10) + " to "
                            + (size - 10 + real.length()) + " of a pack of " + size), report.errors());
        }
    }
}
