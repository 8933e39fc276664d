package io.m365vault.repo;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * How an item's content is found: its size and either its chunk ids in order ({@code DIRECT}) or,
 * when that list is long, the ids of chunk-list chunks whose plaintext is those ids ({@code LISTED}).
 * Encoded small enough for one table property.
 */
public record ContentRef(long size, Kind kind, List<ChunkId> ids) {
    /** Beyond this many chunks the ids go into list chunks, keeping catalog rows small. */
    public static final int MAX_INLINE = 32;
    /** Ids per list chunk: 256 KiB of plaintext, inside the AEAD's fast call size. */
    public static final int IDS_PER_LIST = 8192;

    public enum Kind { DIRECT, LISTED }

    public static final ContentRef EMPTY = new ContentRef(0, Kind.DIRECT, List.of());

    public ContentRef {
        ids = List.copyOf(ids);
    }

    public byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(1 + 8 + 4 + ids.size() * ChunkId.LENGTH);
        b.put((byte) kind.ordinal()).putLong(size).putInt(ids.size());
        ids.forEach(id -> b.put(id.bytes()));
        return b.array();
    }

    /**
     * The reference in {@code bytes}, which come from the catalog as stored: the count of ids and
     * the size are bounded by what a writer makes before anything is allocated for them.
     */
    public static ContentRef decode(byte[] bytes) {
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            int kind = b.get();
            long size = b.getLong();
            int n = b.getInt();
            if (kind < 0 || kind > 1) {
                throw new RepositoryException("content reference is of kind " + kind + ", neither direct (0) nor listed (1)");
            }
            if (n < 0 || n > MAX_INLINE) {
                throw new RepositoryException("content reference names " + n + " chunk ids; a reference names 0 to " + MAX_INLINE);
            }
            long most = (long) n * ChunkerParams.LARGEST * (kind == Kind.LISTED.ordinal() ? IDS_PER_LIST : 1);
            if (size < 0 || size > most) {
                throw new RepositoryException("content reference of " + n + (kind == 1 ? " chunk lists" : " chunks")
                        + " gives a size of " + size + " bytes; at most " + most + " fit in them");
            }
            if (b.remaining() != n * ChunkId.LENGTH) {
                throw new RepositoryException("content reference names " + n + " chunk ids in " + b.remaining() + " bytes");
            }
            List<ChunkId> ids = new ArrayList<>(n);
            byte[] id = new byte[ChunkId.LENGTH];
            for (int i = 0; i < n; i++) {
                b.get(id);
                ids.add(ChunkId.of(id));
            }
            return new ContentRef(size, Kind.values()[kind], ids);
        } catch (java.nio.BufferUnderflowException e) {
            throw new RepositoryException("content reference is truncated", e);
        }
    }

    public String toBase64() {
        return Base64.getEncoder().encodeToString(encode());
    }

    public static ContentRef fromBase64(String s) {
        return decode(Base64.getDecoder().decode(s));
    }
}
