package io.m365vault.repo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ChunkCodecTest {
    private final RepoKeys keys = RepoKeys.generate();
    private final ChunkCodec codec = new ChunkCodec(keys);

    @ParameterizedTest
    @ValueSource(ints = {0, 1, ChunkCodec.SEGMENT - 1, ChunkCodec.SEGMENT, ChunkCodec.SEGMENT + 1,
            3 * ChunkCodec.SEGMENT, 3 * ChunkCodec.SEGMENT + 7, 4 << 20})
    void roundTripsAroundSegmentBoundaries(int size) {
        for (byte[] plain : new byte[][] {TestRepos.random(size, size), new byte[size]}) {
            ChunkId id = keys.chunkId(plain, 0, plain.length);
            SealedChunk sealed = codec.encode(id, plain, 0, plain.length);
            PackEntry entry = new PackEntry(id, 0, sealed.record().length, plain.length, sealed.flags());
            assertArrayEquals(plain, codec.decode(entry, "p", sealed.record(), 0));
        }
    }

    @Test
    void droppedOrSwappedSegmentsDoNotOpen() {
        byte[] plain = TestRepos.random(1, 3 * ChunkCodec.SEGMENT);
        ChunkId id = keys.chunkId(plain, 0, plain.length);
        byte[] record = codec.encode(id, plain, 0, plain.length).record();
        int salt = RepoKeys.SALT;
        int seg = (record.length - salt) / 3;
        assertEquals(0, (record.length - salt) % 3);

        byte[] truncated = Arrays.copyOf(record, salt + 2 * seg);
        assertThrows(CorruptChunkException.class, () -> codec.decode(
                new PackEntry(id, 0, truncated.length, 2 * ChunkCodec.SEGMENT, 0), "p", truncated, 0));

        byte[] swapped = record.clone();
        System.arraycopy(record, salt, swapped, salt + seg, seg);
        System.arraycopy(record, salt + seg, swapped, salt, seg);
        assertThrows(CorruptChunkException.class, () -> codec.decode(
                new PackEntry(id, 0, swapped.length, plain.length, 0), "p", swapped, 0));
    }

    @Test
    void eachRecordIsSealedUnderAKeyOfItsOwnThatItsSaltNames() throws Exception {
        byte[] plain = TestRepos.random(4, 1000);
        ChunkId id = keys.chunkId(plain, 0, plain.length);
        byte[] a = codec.encode(id, plain, 0, plain.length).record();
        byte[] b = codec.encode(id, plain, 0, plain.length).record();
        assertFalse(Arrays.equals(a, 0, RepoKeys.SALT, b, 0, RepoKeys.SALT), "a fresh salt per record");
        PackEntry entry = new PackEntry(id, 0, a.length, plain.length, 0);
        assertArrayEquals(plain, codec.decode(entry, "p", a, 0));
        assertArrayEquals(plain, codec.decode(entry, "p", b, 0));
        // Not the keyset's own key: that one seals nothing here.
        assertThrows(java.security.GeneralSecurityException.class,
                () -> keys.open(a, RepoKeys.SALT, a.length - RepoKeys.SALT, id.bytes()));
        byte[] otherSalt = a.clone();
        otherSalt[3] ^= 1;
        assertThrows(CorruptChunkException.class, () -> codec.decode(entry, "p", otherSalt, 0));
        // Another JVM with the same keys opens it (the key is derived, not kept).
        java.nio.file.Path dir = TestRepos.tempDir();
        FileKek kek = FileKek.create(dir.resolve("k"));
        assertArrayEquals(plain, new ChunkCodec(RepoKeys.unwrap(keys.wrap(kek), kek)).decode(entry, "p", a, 0));
    }

    @Test
    void aRecordOfMoreSegmentsThanItsListedPlaintextNeedsIsRefusedBeforeItIsOpened() {
        byte[] plain = TestRepos.random(5, 3 * ChunkCodec.SEGMENT);
        ChunkId id = keys.chunkId(plain, 0, plain.length);
        byte[] record = codec.encode(id, plain, 0, plain.length).record();
        // Listed as 1,000 bytes compressed: one segment at most, not the three the record holds.
        PackEntry listed = new PackEntry(id, 0, record.length, 1000, PackEntry.COMPRESSED);
        CorruptChunkException e = assertThrows(CorruptChunkException.class, () -> codec.decode(listed, "p", record, 0));
        assertEquals("chunk " + id + " in pack p is listed as a record of " + record.length + " bytes; a compressed chunk of 1000 bytes makes one of "
                + (RepoKeys.SALT + keys.sealOverhead()) + " to " + (RepoKeys.SALT + 1000 + keys.sealOverhead()), e.getMessage());
        assertEquals(record.length, codec.recordLength(plain.length), "an uncompressed record is as long as its plaintext's segments make it");
    }

    @Test
    void aRecordCannotPassAsAnotherChunk() {
        byte[] a = TestRepos.random(2, 1000);
        byte[] b = TestRepos.random(3, 1000);
        ChunkId idA = keys.chunkId(a, 0, a.length);
        ChunkId idB = keys.chunkId(b, 0, b.length);
        byte[] record = codec.encode(idA, a, 0, a.length).record();
        CorruptChunkException e = assertThrows(CorruptChunkException.class, () -> codec.decode(
                new PackEntry(idB, 0, record.length, 1000, 0), "p", record, 0));
        assertEquals(idB, e.chunkId());
    }
}
