package io.m365vault.maintain;

import java.util.ArrayList;
import java.util.List;

/**
 * What one prune pass did (or, in a dry run, would do): versions dropped by retention, chunks
 * condemned, revived and deleted, packs deleted, repacked and written, the bytes freed, and the
 * figures after it. {@code problems} are why garbage was not collected (catalog rows or chunk
 * lists that do not open): with any, only retention ran.
 */
public final class PruneReport {
    long versions;
    long versionsExpired;
    long versionsDropped;
    long liveChunks;
    long chunksCondemned;
    long chunksRevived;
    long chunksDeleted;
    long chunksSkipped;
    long packsCondemned;
    long packsDeleted;
    long packsRepacked;
    long packsWritten;
    long bytesDeleted;
    long bytesWritten;
    long packsImmutable;
    long bytesImmutable;
    final List<String> warnings = new ArrayList<>();
    long packsAfter;
    long storedBytesAfter;
    long protectedBytes;
    final List<String> problems = new ArrayList<>();
    boolean dryRun;

    public long versions() {
        return versions;
    }

    /** Versions retention finds expired; {@link #versionsDropped} of them were deleted (none in a dry run). */
    public long versionsExpired() {
        return versionsExpired;
    }

    public long versionsDropped() {
        return versionsDropped;
    }

    public long chunksCondemned() {
        return chunksCondemned;
    }

    public long chunksRevived() {
        return chunksRevived;
    }

    public long chunksDeleted() {
        return chunksDeleted;
    }

    /** Changes decided but not made because a writer rewrote the row meanwhile (its write stands). */
    public long chunksSkipped() {
        return chunksSkipped;
    }

    public long packsCondemned() {
        return packsCondemned;
    }

    public long packsDeleted() {
        return packsDeleted;
    }

    public long packsRepacked() {
        return packsRepacked;
    }

    /** Packs to delete that immutability still protects: left in place, deleted by a pass after their policy ends. */
    public long packsImmutable() {
        return packsImmutable;
    }

    public long bytesImmutable() {
        return bytesImmutable;
    }

    /** Why storage may not be freed as retention intends (immutability longer than retention keeps versions). */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public long packsWritten() {
        return packsWritten;
    }

    /** Pack bytes deleted less pack bytes written by repacking. */
    public long bytesFreed() {
        return bytesDeleted - bytesWritten;
    }

    public long packsAfter() {
        return packsAfter;
    }

    public long storedBytesAfter() {
        return storedBytesAfter;
    }

    /** The content of every item's current version: what the tenant holds, as Microsoft counts protected data. */
    public long protectedBytes() {
        return protectedBytes;
    }

    /** Stored bytes per protected byte after the pass (0 when nothing is protected). */
    public double storedPerProtected() {
        return protectedBytes == 0 ? 0 : (double) storedBytesAfter / protectedBytes;
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    public boolean dryRun() {
        return dryRun;
    }

    @Override
    public String toString() {
        return String.format("%sversions=%d expired=%d dropped=%d liveChunks=%d condemned=%d revived=%d deleted=%d skipped=%d"
                        + " packsCondemned=%d packsDeleted=%d packsRepacked=%d packsWritten=%d packsImmutable=%d bytesFreed=%d packsAfter=%d"
                        + " storedBytes=%d protectedBytes=%d ratio=%.3f problems=%d",
                dryRun ? "dryRun " : "", versions, versionsExpired, versionsDropped, liveChunks, chunksCondemned, chunksRevived,
                chunksDeleted, chunksSkipped, packsCondemned, packsDeleted, packsRepacked, packsWritten, packsImmutable, bytesFreed(), packsAfter,
                storedBytesAfter, protectedBytes, storedPerProtected(), problems.size());
    }
}
