package io.m365vault.repo;

/** An index row: the pack that holds a chunk and where; condemned rows await deletion by prune. */
public record ChunkLocation(String packId, PackEntry entry, boolean condemned) {
}
