package io.m365vault.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** A reference as the catalog stores it (in clear), altered where a writer's bytes carry counts and sizes. */
class ContentRefTest {
    private static byte[] stored(Repository repo, byte[] content) {
        try (WriterSession s = repo.newSession()) {
            ContentRef ref = s.store(content, ChunkerParams.SMALL);
            s.commit();
            return ref.encode();
        }
    }

    @Test
    void roundTrips() {
        try (Repository repo = Repository.inMemory()) {
            byte[] bytes = stored(repo, TestRepos.random(1, 100_000));
            assertEquals(ContentRef.decode(bytes), ContentRef.decode(ContentRef.decode(bytes).encode()));
            assertEquals(100_000, ContentRef.decode(bytes).size());
        }
    }

    @Test
    void anIdCountBeyondWhatAReferenceNamesIsRefusedBeforeAnythingIsAllocated() {
        try (Repository repo = Repository.inMemory()) {
            byte[] bytes = stored(repo, TestRepos.random(2, 1000));
            // 2^27 + 1 ids of 32 bytes overflow an int to 32, which is exactly the one id stored.
            ByteBuffer.wrap(bytes).putInt(9, (1 << 27) + 1);
            var e = assertThrows(RepositoryException.class, () -> ContentRef.decode(bytes));
            assertEquals("content reference names 134217729 chunk ids; a reference names 0 to 32", e.getMessage());
            ByteBuffer.wrap(bytes).putInt(9, -1);
            assertEquals("content reference names -1 chunk ids; a reference names 0 to 32",
                    assertThrows(RepositoryException.class, () -> ContentRef.decode(bytes)).getMessage());
        }
    }

    @Test
    void aSizeBeyondWhatItsChunksHoldIsRefused() {
        try (Repository repo = Repository.inMemory()) {
            byte[] bytes = stored(repo, TestRepos.random(3, 1000));
            // 1.5 GiB: readAll would allocate it before reading the one chunk.
            ByteBuffer.wrap(bytes).putLong(1, 3L << 29);
            var e = assertThrows(RepositoryException.class, () -> ContentRef.decode(bytes));
            assertEquals("content reference of 1 chunks gives a size of 1610612736 bytes; at most 4194304 fit in them", e.getMessage());
            ByteBuffer.wrap(bytes).putLong(1, -1);
            assertThrows(RepositoryException.class, () -> ContentRef.decode(bytes));
        }
    }

    @Test
    void anUnknownKindIsRefused() {
        byte[] bytes = ContentRef.EMPTY.encode();
        bytes[0] = 7;
        assertEquals("content reference is of kind 7, neither direct (0) nor listed (1)",
                assertThrows(RepositoryException.class, () -> ContentRef.decode(bytes)).getMessage());
    }
}
