package io.m365vault.repo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
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
    void recordsAreSealedUnderAKeyTheirSaltNamesAndAKeySealsAtMostItsShare() throws Exception {
        byte[] plain = TestRepos.random(4, 1000);
        ChunkId id = keys.chunkId(plain, 0, plain.length);
        PackEntry entry = null;
        byte[] first = null;
        byte[] last = null;
        for (int i = 0; i <= ChunkCodec.RECORDS_PER_KEY; i++) {
            byte[] record = codec.encode(id, plain, 0, plain.length).record();
            entry = new PackEntry(id, 0, record.length, plain.length, 0);
            if (i == 0) {
                first = record;
            } else if (i == ChunkCodec.RECORDS_PER_KEY - 1) {
                assertTrue(Arrays.equals(first, 0, RepoKeys.SALT, record, 0, RepoKeys.SALT), "one salt for the key's records");
            }
            last = record;
        }
        byte[] a = first;
        assertFalse(Arrays.equals(a, 0, RepoKeys.SALT, last, 0, RepoKeys.SALT), "a fresh salt once a key has sealed its records");
        PackEntry e = entry;
        assertArrayEquals(plain, codec.decode(e, "p", a, 0));
        assertArrayEquals(plain, codec.decode(e, "p", last, 0));
        // Not the keyset's own key: that one seals nothing here.
        assertThrows(java.security.GeneralSecurityException.class,
                () -> keys.open(a, RepoKeys.SALT, a.length - RepoKeys.SALT, id.bytes()));
        byte[] otherSalt = a.clone();
        otherSalt[3] ^= 1;
        assertThrows(CorruptChunkException.class, () -> codec.decode(e, "p", otherSalt, 0));
        // Another JVM with the same keys opens it (the key is derived, not kept).
        java.nio.file.Path dir = TestRepos.tempDir();
        FileKek kek = FileKek.create(dir.resolve("k"));
        assertArrayEquals(plain, new ChunkCodec(RepoKeys.unwrap(keys.wrap(kek), kek)).decode(e, "p", a, 0));
    }

    @Test
    void threadsSealingAtOnceShareAKeyForNoMoreThanItsShareOfRecords() throws Exception {
        byte[] plain = TestRepos.random(6, 100);
        ChunkId id = keys.chunkId(plain, 0, plain.length);
        java.util.Map<String, Integer> perSalt = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 3 * ChunkCodec.RECORDS_PER_KEY / 2; i++) {
                        byte[] r = codec.encode(id, plain, 0, plain.length).record();
                        perSalt.merge(java.util.HexFormat.of().formatHex(r, 0, RepoKeys.SALT), 1, Integer::sum);
                    }
                }));
            }
            for (var f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(6 * ChunkCodec.RECORDS_PER_KEY, perSalt.values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(perSalt.values().stream().allMatch(n -> n <= ChunkCodec.RECORDS_PER_KEY), perSalt.values().toString());
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

    /** Known answer across providers: the same keys give the same ids, and a chunk sealed under one opens under the other. */
    @Test
    void aChunkSealedUnderOneProviderOpensUnderTheOther() {
        List<CryptoProvider> all = CryptoProviders.all();
        if (CryptoProviders.nativeExpected()) {
            assertEquals(2, all.size(), "the native provider loads here");
        }
        for (byte[] plain : new byte[][] {TestRepos.random(8, 3 * ChunkCodec.SEGMENT + 5), new byte[100_000], TestRepos.random(9, 7)}) {
            ChunkId id = keys.with(CryptoProvider.JDK).chunkId(plain, 0, plain.length);
            for (CryptoProvider sealing : all) {
                RepoKeys sealer = keys.with(sealing);
                assertEquals(id, sealer.chunkId(plain, 0, plain.length), sealing.name());
                SealedChunk sealed = new ChunkCodec(sealer).encode(id, plain, 0, plain.length);
                PackEntry entry = new PackEntry(id, 0, sealed.record().length, plain.length, sealed.flags());
                for (CryptoProvider opening : all) {
                    assertArrayEquals(plain, new ChunkCodec(keys.with(opening)).decode(entry, "p", sealed.record(), 0),
                            sealing + " to " + opening);
                }
            }
        }
    }

    @Test
    void whatLooksCompressedIsStoredRawAndTheRestCompressed() {
        byte[] random = TestRepos.random(10, 1 << 20);
        assertEquals(0, codec.encode(keys.chunkId(random, 0, random.length), random, 0, random.length).flags());
        byte[] zeros = new byte[1 << 20];
        SealedChunk z = codec.encode(keys.chunkId(zeros, 0, zeros.length), zeros, 0, zeros.length);
        assertEquals(PackEntry.COMPRESSED, z.flags());
        assertTrue(z.record().length < 1000, "zeros compress: " + z.record().length);
    }
}
