package io.m365vault.repo;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;

/**
 * Turns a chunk's plaintext into its pack record and back: zstd level 3, kept raw where that
 * does not shrink it, then AEAD with the chunk id as associated data (so a record cannot be
 * passed off as another chunk's). Payloads over 256 KiB are sealed as 256 KiB segments, each
 * bound to the id, its index and whether it is the last: the JDK's AES-GCM runs at a twentieth of
 * its speed on calls of 1 MiB or more (DESIGN §5), and file chunks reach 4 MiB. Thread-safe;
 * each thread keeps its own zstd context.
 */
public final class ChunkCodec {
    static final int SEGMENT = 256 << 10;
    private static final int LEVEL = 3;
    private static final ThreadLocal<ZstdCompressCtx> CTX = ThreadLocal.withInitial(() -> {
        ZstdCompressCtx ctx = new ZstdCompressCtx();
        ctx.setLevel(LEVEL);
        return ctx;
    });
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[0]);

    private final RepoKeys keys;
    private final int overhead;

    public ChunkCodec(RepoKeys keys) {
        this.keys = keys;
        this.overhead = keys.sealOverhead();
    }

    public SealedChunk encode(ChunkId id, byte[] buf, int off, int len) {
        byte[] scratch = scratch((int) Zstd.compressBound(len));
        int clen = len == 0 ? 0 : CTX.get().compressByteArray(scratch, 0, scratch.length, buf, off, len);
        boolean shrinks = clen > 0 && clen < len;
        byte[] record = shrinks ? seal(id, scratch, 0, clen) : seal(id, buf, off, len);
        return new SealedChunk(id, record, len, shrinks ? PackEntry.COMPRESSED : 0);
    }

    /** The plaintext of a record read from its pack; a record that does not open is corrupt. */
    public byte[] decode(PackEntry entry, String packId, byte[] record, int off) {
        byte[] opened;
        try {
            opened = open(entry.id(), record, off, entry.length());
        } catch (GeneralSecurityException e) {
            throw new CorruptChunkException(entry.id(), packId, "does not decrypt (altered bytes or a wrong pack offset)");
        }
        if (!entry.compressed()) {
            if (opened.length != entry.rawLength()) {
                throw new CorruptChunkException(entry.id(), packId, "has " + opened.length + " bytes, index says " + entry.rawLength());
            }
            return opened;
        }
        byte[] plain = new byte[entry.rawLength()];
        long n = Zstd.decompressByteArray(plain, 0, plain.length, opened, 0, opened.length);
        if (Zstd.isError(n) || n != plain.length) {
            throw new CorruptChunkException(entry.id(), packId, "does not decompress to " + plain.length + " bytes");
        }
        return plain;
    }

    /** One message when it fits a segment, else segments sealed one after another into one record. */
    private byte[] seal(ChunkId id, byte[] buf, int off, int len) {
        if (len <= SEGMENT) {
            byte[] record = new byte[len + overhead];
            keys.seal(buf, off, len, id.bytes(), record, 0);
            return record;
        }
        int segments = (len + SEGMENT - 1) / SEGMENT;
        byte[] record = new byte[len + segments * overhead];
        for (int i = 0; i < segments; i++) {
            int n = Math.min(SEGMENT, len - i * SEGMENT);
            keys.seal(buf, off + i * SEGMENT, n, segmentAad(id, i, i == segments - 1), record, i * (SEGMENT + overhead));
        }
        return record;
    }

    private byte[] open(ChunkId id, byte[] record, int off, int len) throws GeneralSecurityException {
        if (len <= SEGMENT + overhead) {
            return keys.open(record, off, len, id.bytes());
        }
        int sealedSegment = SEGMENT + overhead;
        int segments = (len + sealedSegment - 1) / sealedSegment;
        if (len - (segments - 1) * sealedSegment <= overhead) {
            throw new GeneralSecurityException("the last segment is shorter than its overhead");
        }
        byte[] plain = new byte[len - segments * overhead];
        for (int i = 0; i < segments; i++) {
            int n = Math.min(sealedSegment, len - i * sealedSegment);
            keys.open(record, off + i * sealedSegment, n, segmentAad(id, i, i == segments - 1), plain, i * SEGMENT);
        }
        return plain;
    }

    private static byte[] segmentAad(ChunkId id, int index, boolean last) {
        byte[] aad = new byte[ChunkId.LENGTH + 5];
        id.copyTo(aad, 0);
        ByteBuffer.wrap(aad, ChunkId.LENGTH, 5).putInt(index).put((byte) (last ? 1 : 0));
        return aad;
    }

    private static byte[] scratch(int size) {
        byte[] b = SCRATCH.get();
        if (b.length < size) {
            b = new byte[size];
            SCRATCH.set(b);
        }
        return b;
    }
}
