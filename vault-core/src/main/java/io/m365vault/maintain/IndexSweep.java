package io.m365vault.maintain;

import io.m365vault.repo.IndexChange;
import io.m365vault.repo.IndexRow;
import java.time.Instant;

/**
 * The first and second phase of collecting chunks, decided row by row: an unreferenced live row
 * is condemned now; a condemned row still unreferenced whose condemnation is older than the grace
 * (counted back from when the catalog walk began, so a row committed before the walk was seen by
 * it) is deleted; a condemned row referenced again is revived.
 */
final class IndexSweep {
    private IndexSweep() {
    }

    /** The change for {@code row} given what the walk found live, or null; {@code deleteBefore} = walk start minus grace. */
    static IndexChange change(IndexRow row, LiveChunks live, Instant now, Instant deleteBefore) {
        boolean referenced = live.contains(row.id());
        boolean condemned = row.location().condemned();
        if (referenced) {
            return condemned ? IndexChange.revive(row) : null;
        }
        if (!condemned || row.condemnedAt() == null) {
            // A condemned row with no time (written by hand, or by an older release) starts its grace now.
            return IndexChange.condemn(row, now);
        }
        return row.condemnedAt().isAfter(deleteBefore) ? null : IndexChange.delete(row);
    }
}
