package io.m365vault.repo;

/** A chunk ready for a pack: its id, the sealed record, its plaintext length and flags. */
public record SealedChunk(ChunkId id, byte[] record, int rawLength, int flags) {
}
