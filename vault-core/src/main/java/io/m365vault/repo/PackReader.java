package io.m365vault.repo;

import java.util.Arrays;
import java.util.List;

/** Reads a pack's header and its chunks through a {@link PackStore}. */
public final class PackReader {
    /** Most headers fit here, so one ranged read usually fetches trailer and header together. */
    private static final int TAIL_GUESS = 64 * 1024;

    private final PackStore store;
    private final RepoKeys keys;
    private final ChunkCodec codec;

    public PackReader(PackStore store, RepoKeys keys) {
        this.store = store;
        this.keys = keys;
        this.codec = new ChunkCodec(keys);
    }

    /** The pack's entries, from its own header (the index is not consulted). */
    public List<PackEntry> entries(String packId) {
        long size = size(packId);
        if (size < PackHeader.TRAILER) {
            throw new CorruptPackException(packId, "has " + size + " bytes, too few for a pack");
        }
        int tailLen = (int) Math.min(size, TAIL_GUESS);
        byte[] tail = store.read(packId, size - tailLen, tailLen);
        int sealedLen = PackHeader.sealedLength(keys, packId, Arrays.copyOfRange(tail, tailLen - PackHeader.TRAILER, tailLen), size);
        long headerStart = size - PackHeader.TRAILER - sealedLen;
        byte[] sealed = sealedLen + PackHeader.TRAILER <= tailLen
                ? Arrays.copyOfRange(tail, tailLen - PackHeader.TRAILER - sealedLen, tailLen - PackHeader.TRAILER)
                : store.read(packId, headerStart, sealedLen);
        return PackHeader.open(keys, codec, packId, sealed, headerStart);
    }

    /** One chunk's plaintext, read by a ranged read of its record, whose place and size are checked first. */
    public byte[] chunk(String packId, PackEntry entry) {
        codec.check(entry, packId);
        byte[] record = store.read(packId, entry.offset(), entry.length());
        return codec.decode(entry, packId, record, 0);
    }

    /** Every chunk of a pack from one read of the whole blob, in header order. */
    public void forEachChunk(String packId, List<PackEntry> entries, ChunkVisitor visitor) {
        size(packId); // refuses a blob too large to be read whole before it is read
        byte[] all = store.readAll(packId);
        for (PackEntry e : entries) {
            byte[] plain;
            try {
                if ((long) e.offset() + e.length() > all.length) {
                    throw new CorruptChunkException(e.id(), packId, "is listed at bytes " + e.offset() + " to "
                            + ((long) e.offset() + e.length()) + " of a pack of " + all.length);
                }
                plain = codec.decode(e, packId, all, e.offset());
            } catch (CorruptChunkException ex) {
                visitor.corrupt(e, ex);
                continue;
            }
            visitor.chunk(e, plain);
        }
    }

    /**
     * The pack's size, refused beyond what a writer makes: the largest target, one record of the
     * largest chunk past it (a pack is closed after the record that fills it), then its header.
     */
    private long size(String packId) {
        long size = store.size(packId);
        long most = (long) RepoConfig.MAX_PACK_SIZE + codec.recordLength(ChunkerParams.LARGEST)
                + PackHeader.maxSealedLength(keys) + PackHeader.TRAILER;
        if (size > most) {
            throw new CorruptPackException(packId, "has " + size + " bytes, more than a pack can (" + most + ")");
        }
        return size;
    }

    /** Receives each chunk of a pack, or the reason it could not be read. */
    public interface ChunkVisitor {
        void chunk(PackEntry entry, byte[] plain);

        void corrupt(PackEntry entry, CorruptChunkException e);
    }
}
