package io.m365vault.repo;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import java.security.GeneralSecurityException;

/**
 * Turns a chunk's plaintext into its pack record and back: zstd level 3, kept raw where that
 * does not shrink it, then AEAD with the chunk id as associated data (so a record cannot be
 * passed off as another chunk's). Thread-safe; each thread keeps its own zstd context.
 */
public final class ChunkCodec {
    private static final int LEVEL = 3;
    private static final ThreadLocal<ZstdCompressCtx> CTX = ThreadLocal.withInitial(() -> {
        ZstdCompressCtx ctx = new ZstdCompressCtx();
        ctx.setLevel(LEVEL);
        return ctx;
    });
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[0]);

    private final RepoKeys keys;

    public ChunkCodec(RepoKeys keys) {
        this.keys = keys;
    }

    public SealedChunk encode(ChunkId id, byte[] buf, int off, int len) {
        byte[] scratch = scratch((int) Zstd.compressBound(len));
        int clen = len == 0 ? 0 : CTX.get().compressByteArray(scratch, 0, scratch.length, buf, off, len);
        boolean shrinks = clen > 0 && clen < len;
        byte[] record = shrinks
                ? keys.seal(scratch, 0, clen, id.bytes())
                : keys.seal(buf, off, len, id.bytes());
        return new SealedChunk(id, record, len, shrinks ? PackEntry.COMPRESSED : 0);
    }

    /** The plaintext of a record read from its pack; a record that does not open is corrupt. */
    public byte[] decode(PackEntry entry, String packId, byte[] record, int off) {
        byte[] opened;
        try {
            opened = keys.open(record, off, entry.length(), entry.id().bytes());
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

    private static byte[] scratch(int size) {
        byte[] b = SCRATCH.get();
        if (b.length < size) {
            b = new byte[size];
            SCRATCH.set(b);
        }
        return b;
    }
}
