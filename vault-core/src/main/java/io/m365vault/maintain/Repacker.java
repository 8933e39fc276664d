package io.m365vault.maintain;

import io.m365vault.repo.CorruptPackException;
import io.m365vault.repo.IndexChange;
import io.m365vault.repo.IndexRow;
import io.m365vault.repo.Pack;
import io.m365vault.repo.PackEntry;
import io.m365vault.repo.PackStore;
import io.m365vault.repo.PackWriter;
import io.m365vault.repo.RepoKeys;
import io.m365vault.repo.SealedChunk;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies the chunks that index rows still name out of mostly-dead packs into new packs of full
 * size. Records are copied as sealed (a record's salt and associated data, the chunk id, travel
 * with it), so nothing is decrypted or re-encrypted. The new packs are durable before any row is
 * moved to them; the old packs go only after their rows have moved.
 */
final class Repacker {
    private final PackStore packs;
    private final PackWriter writer;
    private final List<IndexChange> moves = new ArrayList<>();
    /** Rows copied into the pack being filled, by chunk id, until that pack is named. */
    private final Map<io.m365vault.repo.ChunkId, IndexRow> filling = new HashMap<>();
    private long written;
    private int packsWritten;

    Repacker(PackStore packs, RepoKeys keys, int packSize) {
        this.packs = packs;
        this.writer = new PackWriter(keys, packSize);
    }

    /** Copies the records of {@code rows}, which all name {@code packId}, read with one download of the pack. */
    void copy(String packId, List<IndexRow> rows) {
        byte[] all = packs.readAll(packId);
        for (IndexRow row : rows) {
            PackEntry e = row.location().entry();
            if (e.offset() < 0 || (long) e.offset() + e.length() > all.length) {
                throw new CorruptPackException(packId, "is shorter than the index row of chunk " + e.id() + " says");
            }
            byte[] record = java.util.Arrays.copyOfRange(all, e.offset(), e.offset() + e.length());
            writer.add(new SealedChunk(e.id(), record, e.rawLength(), e.flags()));
            filling.put(e.id(), row);
            if (writer.full()) {
                flush();
            }
        }
    }

    /** Uploads what is still being filled; returns the index moves to the new packs, all of them durable now. */
    List<IndexChange> finish() {
        if (!writer.isEmpty()) {
            flush();
        }
        return List.copyOf(moves);
    }

    private void flush() {
        Pack pack = writer.seal().name();
        packs.put(pack);
        for (PackEntry e : pack.entries()) {
            moves.add(IndexChange.move(filling.get(e.id()), pack.id(), e));
        }
        filling.clear();
        written += pack.bytes().length;
        packsWritten++;
    }

    long bytesWritten() {
        return written;
    }

    int packsWritten() {
        return packsWritten;
    }
}
