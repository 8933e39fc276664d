package io.m365vault.repo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A pack's table of contents, sealed at its end so the index can be rebuilt from packs alone:
 * {@code [records][salt][sealed header][u32 length of salt and sealed header][magic "MVP2"]}.
 * The header's key is derived with the salt beside it. Plain header: u32 count, then per chunk
 * 32 bytes id, u32 offset, u32 length, u32 raw length, u8 flags. Everything read back is bounded
 * before it is used: the pack's trailer and the header's fields are whatever storage holds.
 */
public final class PackHeader {
    static final int TRAILER = 8;
    /** The most chunks one pack lists, so that a header, its key's messages and its read stay small (under 3 MiB). */
    public static final int MAX_ENTRIES = 1 << 16;
    private static final int ENTRY = ChunkId.LENGTH + 13;
    private static final int MAGIC = 0x3250564d; // "MVP2" little-endian
    private static final byte[] AAD = "m365vault/pack-header/v2".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INFO = "m365vault/v2/pack-header".getBytes(StandardCharsets.US_ASCII);

    private PackHeader() {
    }

    /** The salt, sealed header and trailer to append after the records ({@link PackWriter#full} keeps them to {@link #MAX_ENTRIES}). */
    static byte[] seal(RepoKeys keys, List<PackEntry> entries) {
        ByteBuffer plain = ByteBuffer.allocate(4 + entries.size() * ENTRY).order(ByteOrder.LITTLE_ENDIAN);
        plain.putInt(entries.size());
        for (PackEntry e : entries) {
            plain.put(e.id().bytes()).putInt(e.offset()).putInt(e.length()).putInt(e.rawLength()).put((byte) e.flags());
        }
        byte[] salt = RepoKeys.newSalt();
        byte[] sealed = keys.sealerFor(salt, INFO).seal(plain.array(), 0, plain.capacity(), AAD);
        return ByteBuffer.allocate(salt.length + sealed.length + TRAILER).order(ByteOrder.LITTLE_ENDIAN)
                .put(salt).put(sealed).putInt(salt.length + sealed.length).putInt(MAGIC).array();
    }

    /** The most bytes of salt and sealed header a pack can end with: a header of {@link #MAX_ENTRIES}. */
    static int maxSealedLength(RepoKeys keys) {
        return RepoKeys.SALT + keys.sealOverhead() + 4 + MAX_ENTRIES * ENTRY;
    }

    /** Length of the salt and sealed header, read from the pack's last 8 bytes. */
    static int sealedLength(RepoKeys keys, String packId, byte[] trailer, long packSize) {
        ByteBuffer b = ByteBuffer.wrap(trailer).order(ByteOrder.LITTLE_ENDIAN);
        int len = b.getInt();
        if (b.getInt() != MAGIC) {
            throw new CorruptPackException(packId, "has no pack trailer (truncated, not a pack, or not format 2)");
        }
        if (len < RepoKeys.SALT + keys.sealOverhead() + 4 || len > maxSealedLength(keys)) {
            throw new CorruptPackException(packId, "declares a header of " + len + " bytes; one takes "
                    + (RepoKeys.SALT + keys.sealOverhead() + 4) + " to " + maxSealedLength(keys) + " (" + MAX_ENTRIES + " chunks)");
        }
        if (len > packSize - TRAILER) {
            throw new CorruptPackException(packId, "declares a header of " + len + " bytes in a pack of " + packSize);
        }
        return len;
    }

    /** The entries of a salted, sealed header; every record must lie inside the records area and be a size a chunk makes. */
    static List<PackEntry> open(RepoKeys keys, ChunkCodec codec, String packId, byte[] salted, long recordsEnd) {
        byte[] plain;
        try {
            byte[] salt = Arrays.copyOf(salted, RepoKeys.SALT);
            int len = salted.length - RepoKeys.SALT;
            plain = keys.openerFor(salt, INFO, salted, RepoKeys.SALT, len).open(salted, RepoKeys.SALT, len, AAD);
        } catch (GeneralSecurityException e) {
            throw new CorruptPackException(packId, "header does not decrypt (altered, or written under another key)");
        }
        ByteBuffer b = ByteBuffer.wrap(plain).order(ByteOrder.LITTLE_ENDIAN);
        int count = b.getInt();
        // The header's length is bounded (sealedLength), so this bounds the count: at most MAX_ENTRIES.
        if (count < 0 || b.remaining() != (long) count * ENTRY) {
            throw new CorruptPackException(packId, "header lists " + count + " entries in " + plain.length + " bytes");
        }
        List<PackEntry> entries = new ArrayList<>(count);
        byte[] id = new byte[ChunkId.LENGTH];
        for (int i = 0; i < count; i++) {
            b.get(id);
            PackEntry e = new PackEntry(ChunkId.of(id), b.getInt(), b.getInt(), b.getInt(), b.get() & 0xff);
            if (e.offset() < 0 || e.length() < 0 || (long) e.offset() + e.length() > recordsEnd) {
                throw new CorruptPackException(packId, "header places chunk " + e.id() + " outside the pack");
            }
            codec.check(e, packId);
            entries.add(e);
        }
        return entries;
    }
}
