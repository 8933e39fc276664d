package io.m365vault.repo;

import java.time.Instant;

/**
 * An index row as garbage collection reads it: where the chunk is, since when it has been
 * condemned (null while live), and the row as read ({@code tag}), which makes a later change
 * conditional on nobody having rewritten the row since (a backup storing the chunk again).
 */
public record IndexRow(ChunkLocation location, Instant condemnedAt, Object tag) {
    public ChunkId id() {
        return location.entry().id();
    }

    public String packId() {
        return location.packId();
    }
}
