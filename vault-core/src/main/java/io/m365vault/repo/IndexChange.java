package io.m365vault.repo;

import java.time.Instant;

/** One change garbage collection makes to an index row, applied only if the row is still as read. */
public record IndexChange(Kind kind, IndexRow row, Instant at, String packId, PackEntry entry) {
    public enum Kind {
        /** Unreferenced: marked condemned at {@code at}; deleted by a later pass that still finds it so. */
        CONDEMN,
        /** Referenced again: live. */
        REVIVE,
        /** Condemned for longer than the grace and still unreferenced: the row goes. */
        DELETE,
        /** Copied by a repack: the row points at {@code packId}, {@code entry}, its state unchanged. */
        MOVE
    }

    public static IndexChange condemn(IndexRow row, Instant at) {
        return new IndexChange(Kind.CONDEMN, row, at, null, null);
    }

    public static IndexChange revive(IndexRow row) {
        return new IndexChange(Kind.REVIVE, row, null, null, null);
    }

    public static IndexChange delete(IndexRow row) {
        return new IndexChange(Kind.DELETE, row, null, null, null);
    }

    public static IndexChange move(IndexRow row, String packId, PackEntry entry) {
        return new IndexChange(Kind.MOVE, row, null, packId, entry);
    }
}
