package io.m365vault.repo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * What a catalog row keeps sealed: the item id, parent, size, content reference and metadata (or
 * the reference of the chunks holding it). The plain columns a query needs (validFrom, validTo,
 * kind) are bound to it as associated data with the row's keys, so a row moved to another item,
 * a body swapped between two messages, an end date taken away or a kind changed does not open.
 */
final class CatalogRow {
    private static final int VERSION = 1;
    private static final int INLINE = 0;
    private static final int REFERENCED = 1;

    /** The sealed part, read back; {@code metadata} is null when {@code metadataRef} names its chunks. */
    record Sealed(String itemId, String parent, long size, ContentRef content, byte[] metadata, ContentRef metadataRef) { }

    private CatalogRow() {
    }

    static byte[] plain(CatalogEntry e) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(e.metadata().length + 256);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(VERSION);
            out.writeUTF(e.itemId());
            out.writeBoolean(e.parent() != null);
            if (e.parent() != null) {
                out.writeUTF(e.parent());
            }
            out.writeLong(e.size());
            byte[] content = e.content().encode();
            out.writeInt(content.length);
            out.write(content);
            byte[] meta = e.metadataRef() != null ? e.metadataRef().encode() : e.metadata();
            out.writeByte(e.metadataRef() != null ? REFERENCED : INLINE);
            out.writeInt(meta.length);
            out.write(meta);
            return bytes.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static Sealed read(byte[] plain, String where) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
            if (in.readUnsignedByte() != VERSION) {
                throw new RepositoryException(where + " is a catalog row of an unknown layout");
            }
            String itemId = in.readUTF();
            String parent = in.readBoolean() ? in.readUTF() : null;
            long size = in.readLong();
            ContentRef content = ContentRef.decode(bytes(in, plain.length, where));
            int kind = in.readUnsignedByte();
            byte[] meta = bytes(in, plain.length, where);
            if (kind == REFERENCED) {
                return new Sealed(itemId, parent, size, content, null, ContentRef.decode(meta));
            }
            if (kind != INLINE || size < 0) {
                throw new RepositoryException(where + " is a malformed catalog row");
            }
            return new Sealed(itemId, parent, size, content, meta, null);
        } catch (IOException ex) {
            throw new RepositoryException(where + " is a truncated catalog row", ex);
        }
    }

    /** A length-prefixed field, its length bounded by what the row holds. */
    private static byte[] bytes(DataInputStream in, int total, String where) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > total) {
            throw new RepositoryException(where + " names a field of " + n + " bytes in a row of " + total);
        }
        return in.readNBytes(n);
    }

    /** The associated data binding the plain columns to the sealed part. */
    static byte[] aad(String partitionKey, String rowKey, Instant validFrom, Instant validTo, String kind) {
        return (partitionKey + "\n" + rowKey + "\n" + validFrom.toEpochMilli() + "\n" + (validTo == null ? "" : validTo.toEpochMilli())
                + "\n" + kind).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
