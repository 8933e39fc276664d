package io.m365vault.repo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the reader takes from storage is bounded before use: a reference the catalog holds in
 * clear may name any chunk as a list, and an index row may give any place and size.
 */
class ContentReaderTest {
    private static ContentRef store(Repository repo, byte[] content, ChunkerParams params) {
        try (WriterSession s = repo.newSession()) {
            ContentRef ref = s.store(content, params);
            s.commit();
            return ref;
        }
    }

    @Test
    void aListChunkThatIsNoWholeNumberOfIdsIsNamed() {
        try (Repository repo = Repository.inMemory()) {
            ContentRef data = store(repo, TestRepos.random(1, 1000), ChunkerParams.SMALL);
            ContentRef forged = new ContentRef(1000, ContentRef.Kind.LISTED, data.ids());
            var e = assertThrows(RepositoryException.class, () -> repo.reader().readAll(forged));
            assertEquals("chunk-list chunk " + data.ids().get(0) + " has 1000 bytes, not a whole number of 32-byte ids", e.getMessage());
        }
    }

    @Test
    void aListChunkOfMoreIdsThanAListHoldsIsNamed() {
        try (Repository repo = Repository.inMemory()) {
            // One FILES chunk of 8,193 ids' worth of bytes: a writer's lists hold 8,192.
            ContentRef data = store(repo, TestRepos.random(2, (ContentRef.IDS_PER_LIST + 1) * ChunkId.LENGTH), ChunkerParams.FILES);
            assertEquals(1, data.ids().size());
            ContentRef forged = new ContentRef(1000, ContentRef.Kind.LISTED, data.ids());
            var e = assertThrows(RepositoryException.class, () -> repo.reader().chunkIds(forged));
            assertEquals("chunk-list chunk " + data.ids().get(0) + " lists 8193 ids; a list holds at most 8192", e.getMessage());
        }
    }

    @Test
    void aListedContentStillReads() {
        try (Repository repo = Repository.inMemory()) {
            byte[] content = TestRepos.random(3, 40 * (16 << 10));
            ContentRef ref = store(repo, content, new ChunkerParams(1024, 4096, 16384));
            assertEquals(ContentRef.Kind.LISTED, ref.kind());
            assertArrayEquals(content, repo.reader().readAll(ref));
        }
    }

    @Test
    void aListedContentsSizeBeyondWhatItsListedChunksHoldIsRefusedBeforeItIsAllocated() {
        try (Repository repo = Repository.inMemory()) {
            ContentRef real = store(repo, TestRepos.random(5, 40 * (16 << 10)), new ChunkerParams(1024, 4096, 16384));
            int chunks = repo.reader().chunkIds(real).size();
            // Within what one list may name (8,192 chunks of 4 MiB), far beyond the chunks this one lists.
            ContentRef forged = ContentRef.decode(new ContentRef(Integer.MAX_VALUE - 100, real.kind(), real.ids()).encode());
            var e = assertThrows(RepositoryException.class, () -> repo.reader().readAll(forged));
            assertEquals("content of " + chunks + " chunks is said to have 2147483547 bytes; at most "
                    + (long) chunks * ChunkerParams.LARGEST + " fit in them", e.getMessage());
        }
    }

    @Test
    void anIndexRowsSizesAreCheckedBeforeTheRecordIsReadOrItsPlaintextAllocated() {
        try (Repository repo = Repository.inMemory()) {
            byte[] content = TestRepos.random(4, 1000);
            ContentRef ref = store(repo, content, ChunkerParams.SMALL);
            ChunkId id = ref.ids().get(0);
            ChunkLocation loc = repo.index().find(List.of(id)).get(id);
            PackEntry real = loc.entry();
            assertEquals(0, real.flags(), "random bytes are stored uncompressed");

            // Marked compressed with a raw length of 2^31-1: decompressing would allocate 2 GiB.
            retarget(repo, loc, new PackEntry(id, real.offset(), real.length(), Integer.MAX_VALUE, PackEntry.COMPRESSED));
            assertEquals("chunk " + id + " in pack " + loc.packId() + " is listed with 2147483647 bytes of plaintext; a chunk has 0 to 4194304",
                    assertThrows(CorruptChunkException.class, () -> repo.reader().readAll(ref)).getMessage());
            retarget(repo, loc, new PackEntry(id, real.offset(), real.length(), -1, 0));
            assertEquals("chunk " + id + " in pack " + loc.packId() + " is listed with -1 bytes of plaintext; a chunk has 0 to 4194304",
                    assertThrows(CorruptChunkException.class, () -> repo.reader().readAll(ref)).getMessage());

            // A record of 1 GiB would be read into memory whole (BlobPackStore allocates it first).
            retarget(repo, loc, new PackEntry(id, real.offset(), 1 << 30, real.rawLength(), PackEntry.COMPRESSED));
            assertEquals("chunk " + id + " in pack " + loc.packId() + " is listed as a record of 1073741824 bytes; a compressed chunk of 1000 bytes makes one of "
                    + (RepoKeys.SALT + repo.keys().sealOverhead()) + " to " + real.length(),
                    assertThrows(CorruptChunkException.class, () -> repo.reader().readAll(ref)).getMessage());
            retarget(repo, loc, new PackEntry(id, -5, real.length(), real.rawLength(), 0));
            assertEquals("chunk " + id + " in pack " + loc.packId() + " is listed at offset -5",
                    assertThrows(CorruptChunkException.class, () -> repo.reader().readAll(ref)).getMessage());

            retarget(repo, loc, real);
            assertArrayEquals(content, repo.reader().readAll(ref));
        }
    }

    private static void retarget(Repository repo, ChunkLocation loc, PackEntry entry) {
        repo.index().add(loc.packId(), List.of(entry));
    }
}
