package io.m365vault.repo;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Turns a chunk's plaintext into its pack record and back: zstd level 3, kept raw where that
 * does not shrink it or where a sample says it would not ({@link Compressibility}), then AEAD
 * with the chunk id as associated data (so a record cannot be passed off as another chunk's). Records are sealed under keys derived from the keyset with a
 * random salt that each record carries ({@code [salt][segment]...}); a codec draws a new salt
 * every {@link #RECORDS_PER_KEY} records, so a key seals at most 65,536 messages, never a tenant's
 * 2^32nd. Payloads over 256 KiB are sealed as 256 KiB
 * segments, each bound to the id, its index and whether it is the last: the JDK's AES-GCM runs at
 * a twentieth of its speed on calls of 1 MiB or more (DESIGN §5), and file chunks reach 4 MiB.
 * Thread-safe; each thread keeps its own zstd context.
 */
public final class ChunkCodec {
    static final int SEGMENT = 256 << 10;
    /**
     * Records sealed under one derived key, of at most 16 segments each: fewer than a pack may
     * list. Not one key per record: the JDK's AES-GCM expands a new key and builds its tables at
     * every change, which cost a cold JVM about a fifth more CPU in `vault bench pipeline`.
     */
    static final int RECORDS_PER_KEY = 4096;
    private static final byte[] INFO = "m365vault/v2/chunk".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int LEVEL = 3;
    private static final ThreadLocal<ZstdCompressCtx> CTX = ThreadLocal.withInitial(() -> {
        ZstdCompressCtx ctx = new ZstdCompressCtx();
        ctx.setLevel(LEVEL);
        return ctx;
    });
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[0]);

    private final RepoKeys keys;
    private final int overhead;
    /** The key records are sealed under now, shared by the threads that seal; replaced once used up. */
    private final AtomicReference<RecordKey> current = new AtomicReference<>();

    private record RecordKey(byte[] salt, Sealer sealer, AtomicInteger uses) {}

    public ChunkCodec(RepoKeys keys) {
        this.keys = keys;
        this.overhead = keys.sealOverhead();
    }

    public SealedChunk encode(ChunkId id, byte[] buf, int off, int len) {
        boolean shrinks = false;
        int clen = 0;
        byte[] scratch = null;
        // What looks already compressed is stored raw without trying zstd (Compressibility).
        if (len > 0 && Compressibility.worthCompressing(buf, off, len)) {
            scratch = scratch((int) Zstd.compressBound(len));
            clen = CTX.get().compressByteArray(scratch, 0, scratch.length, buf, off, len);
            shrinks = clen > 0 && clen < len;
        }
        byte[] record = shrinks ? seal(id, scratch, 0, clen) : seal(id, buf, off, len);
        return new SealedChunk(id, record, len, shrinks ? PackEntry.COMPRESSED : 0);
    }

    /**
     * The longest record a chunk of {@code rawLength} bytes makes: its salt, then the plaintext
     * (zstd is kept only where it is shorter) in as many segments as it needs, one at least.
     */
    int recordLength(int rawLength) {
        return RepoKeys.SALT + rawLength + segments(rawLength) * overhead;
    }

    /**
     * Refuses sizes a pack header or an index row gives for a record that {@link #encode} cannot
     * have made, before anything is read or allocated for them: storage may hold anything there.
     */
    void check(PackEntry e, String packId) {
        if (e.offset() < 0) {
            throw new CorruptChunkException(e.id(), packId, "is listed at offset " + e.offset());
        }
        if (e.rawLength() < 0 || e.rawLength() > ChunkerParams.LARGEST) {
            throw new CorruptChunkException(e.id(), packId, "is listed with " + e.rawLength()
                    + " bytes of plaintext; a chunk has 0 to " + ChunkerParams.LARGEST);
        }
        int most = recordLength(e.rawLength());
        int least = e.compressed() ? RepoKeys.SALT + overhead : most;
        if (e.length() < least || e.length() > most) {
            throw new CorruptChunkException(e.id(), packId, "is listed as a record of " + e.length() + " bytes; "
                    + (e.compressed() ? "a compressed" : "an uncompressed") + " chunk of " + e.rawLength() + " bytes makes "
                    + (least == most ? "one of " + most : "one of " + least + " to " + most));
        }
    }

    /** The plaintext of a record read from its pack; a record that does not open is corrupt. */
    public byte[] decode(PackEntry entry, String packId, byte[] record, int off) {
        check(entry, packId);
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

    /** The salt, then one message when it fits a segment, else segments sealed one after another. */
    private byte[] seal(ChunkId id, byte[] buf, int off, int len) {
        RecordKey key = recordKey();
        Sealer sealer = key.sealer();
        int segments = segments(len);
        byte[] record = new byte[RepoKeys.SALT + len + segments * overhead];
        System.arraycopy(key.salt(), 0, record, 0, RepoKeys.SALT);
        if (segments == 1) {
            sealer.seal(buf, off, len, id.bytes(), record, RepoKeys.SALT);
            return record;
        }
        for (int i = 0; i < segments; i++) {
            int n = Math.min(SEGMENT, len - i * SEGMENT);
            sealer.seal(buf, off + i * SEGMENT, n, segmentAad(id, i, i == segments - 1), record,
                    RepoKeys.SALT + i * (SEGMENT + overhead));
        }
        return record;
    }

    /** Opens a record whose length {@link #check} has bounded, so it holds at most the largest chunk's segments. */
    private byte[] open(ChunkId id, byte[] record, int off, int len) throws GeneralSecurityException {
        int at = off + RepoKeys.SALT;
        int body = len - RepoKeys.SALT;
        Sealer sealer = keys.openerFor(Arrays.copyOfRange(record, off, at), INFO, record, at, body);
        if (body <= SEGMENT + overhead) {
            return sealer.open(record, at, body, id.bytes());
        }
        int sealedSegment = SEGMENT + overhead;
        int segments = (body + sealedSegment - 1) / sealedSegment;
        if (body - (segments - 1) * sealedSegment <= overhead) {
            throw new GeneralSecurityException("the last segment is shorter than its overhead");
        }
        byte[] plain = new byte[body - segments * overhead];
        for (int i = 0; i < segments; i++) {
            int n = Math.min(sealedSegment, body - i * sealedSegment);
            sealer.open(record, at + i * sealedSegment, n, segmentAad(id, i, i == segments - 1), plain, i * SEGMENT);
        }
        return plain;
    }

    /** The current key if it has records left, else a new one under a fresh salt. */
    private RecordKey recordKey() {
        while (true) {
            RecordKey k = current.get();
            if (k != null && k.uses().incrementAndGet() <= RECORDS_PER_KEY) {
                return k;
            }
            byte[] salt = RepoKeys.newSalt();
            RecordKey fresh = new RecordKey(salt, keys.sealerFor(salt, INFO), new AtomicInteger(1));
            if (current.compareAndSet(k, fresh)) {
                return fresh;
            }
        }
    }

    private static int segments(int len) {
        return Math.max(1, (len + SEGMENT - 1) / SEGMENT);
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
