package io.m365vault.maintain;

import java.util.HashMap;
import java.util.Map;

/**
 * What one streaming read of the index says of each pack: whether any row named it, how many
 * rows still name it after this pass's deletions, the bytes of its referenced chunks, and
 * whether a chunk in it is pending (unreferenced, or changed by this pass: its pack cannot be
 * repacked until that settles). Per pack, not per row: the index is never held whole.
 */
final class PackTally {
    private static final class Pack {
        boolean named;
        long remaining;
        long referencedBytes;
        boolean pending;
    }

    private final Map<String, Pack> packs = new HashMap<>();

    private Pack of(String packId) {
        return packs.computeIfAbsent(packId, k -> new Pack());
    }

    /** A row that names the pack and stays; {@code referenced} rows count toward its use, others make it wait. */
    void stays(String packId, boolean referenced, long bytes) {
        Pack p = of(packId);
        p.named = true;
        p.remaining++;
        if (referenced) {
            p.referencedBytes += bytes;
        } else {
            p.pending = true;
        }
    }

    /** A row that named the pack and was deleted by this pass. */
    void deleted(String packId) {
        of(packId).named = true;
    }

    boolean named(String packId) {
        Pack p = packs.get(packId);
        return p != null && p.named;
    }

    boolean remaining(String packId) {
        Pack p = packs.get(packId);
        return p != null && p.remaining > 0;
    }

    boolean pending(String packId) {
        Pack p = packs.get(packId);
        return p != null && p.pending;
    }

    long referencedBytes(String packId) {
        Pack p = packs.get(packId);
        return p == null ? 0 : p.referencedBytes;
    }
}
