package io.m365vault.repo;

/**
 * Where one chunk record sits in a pack: offset and length of the sealed record, the plaintext
 * length, and flags (bit 0: the record holds zstd, else the plaintext itself).
 */
public record PackEntry(ChunkId id, int offset, int length, int rawLength, int flags) {
    public static final int COMPRESSED = 1;

    public boolean compressed() {
        return (flags & COMPRESSED) != 0;
    }
}
