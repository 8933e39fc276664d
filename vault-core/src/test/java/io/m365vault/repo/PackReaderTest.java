package io.m365vault.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackReaderTest {
    @TempDir
    Path dir;

    @Test
    void aBlobLargerThanAnyPackIsRefusedBeforeItIsRead() throws Exception {
        RepoKeys keys = RepoKeys.generate();
        DirPackStore store = new DirPackStore(dir);
        PackWriter writer = new PackWriter(keys, RepoConfig.DEFAULT_PACK_SIZE);
        byte[] plain = TestRepos.random(1, 5000);
        ChunkId id = keys.chunkId(plain, 0, plain.length);
        writer.add(new ChunkCodec(keys).encode(id, plain, 0, plain.length));
        Pack pack = writer.seal().name();
        store.put(pack);
        PackReader reader = new PackReader(store, keys);
        assertEquals(pack.entries(), reader.entries(pack.id()));

        // Grown (sparsely) past the largest target, one record of a 4 MiB chunk and the largest header.
        long most = RepoConfig.MAX_PACK_SIZE + new ChunkCodec(keys).recordLength(ChunkerParams.LARGEST)
                + PackHeader.maxSealedLength(keys) + PackHeader.TRAILER;
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve(Pack.blobName(pack.id())).toFile(), "rw")) {
            f.setLength(most + 1);
        }
        String expected = "pack " + pack.id() + " has " + (most + 1) + " bytes, more than a pack can (" + most + ")";
        assertEquals(expected, assertThrows(CorruptPackException.class, () -> reader.entries(pack.id())).getMessage());
        PackReader.ChunkVisitor none = new PackReader.ChunkVisitor() {
            @Override
            public void chunk(PackEntry entry, byte[] p) {
                throw new AssertionError("read a chunk of a pack that is too large");
            }

            @Override
            public void corrupt(PackEntry entry, CorruptChunkException e) {
                throw new AssertionError(e);
            }
        };
        assertEquals(expected, assertThrows(CorruptPackException.class,
                () -> reader.forEachChunk(pack.id(), List.copyOf(pack.entries()), none)).getMessage());
    }
}
