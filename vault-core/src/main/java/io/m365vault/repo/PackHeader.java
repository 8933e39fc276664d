package io.m365vault.repo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

/**
 * A pack's table of contents, sealed at its end so the index can be rebuilt from packs alone:
 * {@code [records][sealed header][u32 sealed header length][magic "MVP1"]}. Plain header: u32
 * count, then per chunk 32 bytes id, u32 offset, u32 length, u32 raw length, u8 flags.
 */
public final class PackHeader {
    static final int TRAILER = 8;
    private static final int ENTRY = ChunkId.LENGTH + 13;
    private static final int MAGIC = 0x3150564d; // "MVP1" little-endian
    private static final byte[] AAD = "m365vault/pack-header/v1".getBytes(StandardCharsets.US_ASCII);

    private PackHeader() {
    }

    /** The sealed header and trailer to append after the records. */
    static byte[] seal(RepoKeys keys, List<PackEntry> entries) {
        ByteBuffer plain = ByteBuffer.allocate(4 + entries.size() * ENTRY).order(ByteOrder.LITTLE_ENDIAN);
        plain.putInt(entries.size());
        for (PackEntry e : entries) {
            plain.put(e.id().bytes()).putInt(e.offset()).putInt(e.length()).putInt(e.rawLength()).put((byte) e.flags());
        }
        byte[] sealed = keys.seal(plain.array(), 0, plain.capacity(), AAD);
        return ByteBuffer.allocate(sealed.length + TRAILER).order(ByteOrder.LITTLE_ENDIAN)
                .put(sealed).putInt(sealed.length).putInt(MAGIC).array();
    }

    /** Length of the sealed header, read from the pack's last 8 bytes. */
    static int sealedLength(String packId, byte[] trailer, long packSize) {
        ByteBuffer b = ByteBuffer.wrap(trailer).order(ByteOrder.LITTLE_ENDIAN);
        int len = b.getInt();
        if (b.getInt() != MAGIC) {
            throw new CorruptPackException(packId, "has no pack trailer (truncated or not a pack)");
        }
        if (len <= 0 || len > packSize - TRAILER) {
            throw new CorruptPackException(packId, "declares a header of " + len + " bytes in a pack of " + packSize);
        }
        return len;
    }

    /** The entries of a sealed header; every record must lie inside the records area. */
    static List<PackEntry> open(RepoKeys keys, String packId, byte[] sealed, long recordsEnd) {
        byte[] plain;
        try {
            plain = keys.open(sealed, 0, sealed.length, AAD);
        } catch (GeneralSecurityException e) {
            throw new CorruptPackException(packId, "header does not decrypt (altered, or written under another key)");
        }
        ByteBuffer b = ByteBuffer.wrap(plain).order(ByteOrder.LITTLE_ENDIAN);
        int count = b.getInt();
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
            entries.add(e);
        }
        return entries;
    }
}
