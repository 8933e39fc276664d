package io.m365vault.repo;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The chunks index: chunk id to pack location. */
public interface ChunkIndex {
    /** The rows the index has for these ids (missing ids are absent from the map). */
    Map<ChunkId, ChunkLocation> find(Collection<ChunkId> ids);

    /** Records live rows for the entries of a pack that is already durable. */
    void add(String packId, List<PackEntry> entries);

    void forEach(Consumer<ChunkLocation> action);

    /** Every row with its condemnation and version, for garbage collection. */
    void forEachRow(Consumer<IndexRow> action);

    /**
     * Applies the changes, each only if its row is still as read; returns those that took effect
     * (a row a writer rewrote meanwhile keeps what the writer wrote).
     */
    List<IndexChange> apply(List<IndexChange> changes);
}
