package io.m365vault.maintain;

import io.m365vault.repo.IndexChange;
import io.m365vault.repo.IndexRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The first and second phase of collecting chunks, decided row by row: an unreferenced live row
 * is condemned now; a condemned row still unreferenced whose condemnation is older than the grace
 * (counted back from when the catalog walk began, so a row committed before the walk was seen by
 * it) is deleted; a condemned row referenced again is revived.
 */
final class IndexSweep {
    private IndexSweep() {
    }

    /** The changes for {@code rows} given what the walk found live; {@code deleteBefore} = walk start minus grace. */
    static List<IndexChange> changes(List<IndexRow> rows, LiveChunks live, Instant now, Instant deleteBefore) {
        List<IndexChange> out = new ArrayList<>();
        for (IndexRow row : rows) {
            boolean referenced = live.contains(row.id());
            boolean condemned = row.location().condemned();
            if (referenced && condemned) {
                out.add(IndexChange.revive(row));
            } else if (!referenced && (!condemned || row.condemnedAt() == null)) {
                // A condemned row with no time (written by hand, or by an older release) starts its grace now.
                out.add(IndexChange.condemn(row, now));
            } else if (!referenced && row.condemnedAt() != null && !row.condemnedAt().isAfter(deleteBefore)) {
                out.add(IndexChange.delete(row));
            }
        }
        return out;
    }
}
