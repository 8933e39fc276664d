package io.m365vault.repo;

import java.util.ArrayList;
import java.util.List;

/** What verify found: counts, and one line per problem naming the chunk or pack concerned. */
public final class VerifyReport {
    private final List<String> errors = new ArrayList<>();
    private final List<ChunkId> corruptChunks = new ArrayList<>();
    private long packs;
    private long indexRows;
    private long chunksRead;
    private long unindexedChunks;
    private long catalogRefs;
    private long listedChunks;

    synchronized void error(String line) {
        errors.add(line);
    }

    synchronized void corrupt(ChunkId id, String line) {
        corruptChunks.add(id);
        errors.add(line);
    }

    synchronized void countPack() {
        packs++;
    }

    synchronized void countIndexRows(long n) {
        indexRows += n;
    }

    synchronized void countChunksRead(long n) {
        chunksRead += n;
    }

    synchronized void countUnindexed(long n) {
        unindexedChunks += n;
    }

    synchronized void countCatalogRef() {
        catalogRefs++;
    }

    synchronized void countListedChunks(long n) {
        listedChunks += n;
    }

    public synchronized boolean ok() {
        return errors.isEmpty();
    }

    public synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    public synchronized List<ChunkId> corruptChunks() {
        return List.copyOf(corruptChunks);
    }

    public synchronized long packs() {
        return packs;
    }

    public synchronized long indexRows() {
        return indexRows;
    }

    public synchronized long chunksRead() {
        return chunksRead;
    }

    /** Chunks in packs with no index row: left by a crashed writer, harmless, freed by prune. */
    public synchronized long unindexedChunks() {
        return unindexedChunks;
    }

    public synchronized long catalogRefs() {
        return catalogRefs;
    }

    /** Chunk ids read from the chunk-list chunks the catalog names (with read-data only), each checked against the index. */
    public synchronized long listedChunks() {
        return listedChunks;
    }

    @Override
    public synchronized String toString() {
        return String.format("packs=%d indexRows=%d chunksRead=%d unindexedChunks=%d catalogRefs=%d listedChunks=%d errors=%d",
                packs, indexRows, chunksRead, unindexedChunks, catalogRefs, listedChunks, errors.size());
    }
}
