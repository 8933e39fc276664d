package io.m365vault.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Packs made by the real writer, with what their headers and trailers say pushed past what a writer makes. */
class PackHeaderTest {
    private final RepoKeys keys = RepoKeys.generate();
    private final ChunkCodec codec = new ChunkCodec(keys);
    private final MemoryPackStore store = new MemoryPackStore();
    private final PackReader reader = new PackReader(store, keys);

    private SealedChunk chunk(byte[] plain) {
        return codec.encode(keys.chunkId(plain, 0, plain.length), plain, 0, plain.length);
    }

    private Pack put(PackWriter writer) {
        Pack pack = writer.seal().name();
        store.put(pack);
        return pack;
    }

    @Test
    void aPackListsItsChunksAndTheWriterClosesItAtTheMostAHeaderLists() {
        PackWriter writer = new PackWriter(keys, 16 << 20);
        for (int i = 0; i < PackHeader.MAX_ENTRIES; i++) {
            assertEquals(false, writer.full(), "full at " + i);
            writer.add(chunk(ByteBuffer.allocate(4).putInt(i).array()));
        }
        assertEquals(true, writer.full());
        Pack pack = put(writer);
        assertEquals(pack.entries(), reader.entries(pack.id()));
    }

    @Test
    void aHeaderListingMoreChunksThanAPackHoldsIsRefusedByItsLength() {
        PackWriter writer = new PackWriter(keys, 16 << 20);
        for (int i = 0; i <= PackHeader.MAX_ENTRIES; i++) {
            writer.add(chunk(ByteBuffer.allocate(4).putInt(i).array()));
        }
        Pack pack = put(writer);
        var e = assertThrows(CorruptPackException.class, () -> reader.entries(pack.id()));
        int max = PackHeader.maxSealedLength(keys);
        assertEquals("pack " + pack.id() + " declares a header of " + (max + 45) + " bytes; one takes "
                + (RepoKeys.SALT + keys.sealOverhead() + 4) + " to " + max + " (65536 chunks)", e.getMessage());
    }

    @Test
    void aRawLengthBeyondTheLargestChunkIsRefused() {
        SealedChunk real = chunk(TestRepos.random(1, 5000));
        PackWriter writer = new PackWriter(keys, 16 << 20);
        writer.add(new SealedChunk(real.id(), real.record(), ChunkerParams.LARGEST + 1, PackEntry.COMPRESSED));
        Pack pack = put(writer);
        var e = assertThrows(CorruptChunkException.class, () -> reader.entries(pack.id()));
        assertEquals("chunk " + real.id() + " in pack " + pack.id() + " is listed with 4194305 bytes of plaintext; a chunk has 0 to 4194304", e.getMessage());
    }

    @Test
    void aRecordLongerThanItsPlaintextsSegmentsMakeIsRefused() {
        // A record listed as holding 100 raw bytes cannot span the 5,000 its bytes take.
        SealedChunk real = chunk(TestRepos.random(2, 5000));
        PackWriter writer = new PackWriter(keys, 16 << 20);
        writer.add(new SealedChunk(real.id(), real.record(), 100, PackEntry.COMPRESSED));
        Pack pack = put(writer);
        int most = RepoKeys.SALT + 100 + keys.sealOverhead();
        var e = assertThrows(CorruptChunkException.class, () -> reader.entries(pack.id()));
        assertEquals("chunk " + real.id() + " in pack " + pack.id() + " is listed as a record of " + real.record().length
                + " bytes; a compressed chunk of 100 bytes makes one of " + (RepoKeys.SALT + keys.sealOverhead()) + " to " + most, e.getMessage());
    }

    @Test
    void aRecordPlacedOutsideThePackIsRefused() {
        SealedChunk real = chunk(TestRepos.random(3, 5000));
        PackEntry beyond = new PackEntry(real.id(), 10, real.record().length, 5000, 0);
        byte[] header = PackHeader.seal(keys, List.of(beyond));
        byte[] bytes = ByteBuffer.allocate(real.record().length + header.length).put(real.record()).put(header).array();
        Pack pack = new Pack(PackWriter.sha256(keys.crypto(), bytes), bytes, List.of(beyond));
        store.put(pack);
        var e = assertThrows(CorruptPackException.class, () -> reader.entries(pack.id()));
        assertEquals("pack " + pack.id() + " header places chunk " + real.id() + " outside the pack", e.getMessage());
    }

    @Test
    void aTrailerDeclaringALongerHeaderThanAnyPackHasIsRefusedBeforeItIsRead() {
        PackWriter writer = new PackWriter(keys, 16 << 20);
        byte[] data = TestRepos.random(4, 4 << 20);
        for (int off = 0; off < data.length; off += 64 << 10) {
            writer.add(chunk(Arrays.copyOfRange(data, off, off + (64 << 10))));
        }
        byte[] bytes = writer.seal().bytes();
        int declared = PackHeader.maxSealedLength(keys) + 1;
        assertEquals(true, declared < bytes.length - PackHeader.TRAILER, "the pack is longer than the declared header");
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(bytes.length - PackHeader.TRAILER, declared);
        Pack pack = new PackWriter.Unnamed(bytes, List.of(), keys.crypto()).name();
        store.put(pack);
        var e = assertThrows(CorruptPackException.class, () -> reader.entries(pack.id()));
        assertEquals("pack " + pack.id() + " declares a header of " + declared + " bytes; one takes "
                + (RepoKeys.SALT + keys.sealOverhead() + 4) + " to " + (declared - 1) + " (65536 chunks)", e.getMessage());
    }
}
