package io.m365vault.repo;

import java.util.Arrays;
import java.util.HexFormat;

/** A chunk's id: the keyed HMAC-SHA256 of its plaintext, 32 bytes, written as 64 hex digits. */
public final class ChunkId implements Comparable<ChunkId> {
    public static final int LENGTH = 32;
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private ChunkId(byte[] bytes) {
        this.bytes = bytes;
    }

    public static ChunkId of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a chunk id has " + LENGTH + " bytes, not " + bytes.length);
        }
        return new ChunkId(bytes.clone());
    }

    public static ChunkId of(byte[] buf, int off) {
        return new ChunkId(Arrays.copyOfRange(buf, off, off + LENGTH));
    }

    public static ChunkId parse(String hex) {
        if (hex.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("a chunk id is " + 2 * LENGTH + " hex digits: " + hex);
        }
        return new ChunkId(HEX.parseHex(hex));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public void copyTo(byte[] dst, int off) {
        System.arraycopy(bytes, 0, dst, off, LENGTH);
    }

    public String hex() {
        return HEX.formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChunkId other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        // The id is a PRF output: its first bytes are already uniformly spread.
        return (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
    }

    @Override
    public int compareTo(ChunkId o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
