package io.m365vault.repo;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** An index held in memory: for the local pipeline benchmark and fast tests, where no table exists. */
public final class MemoryChunkIndex implements ChunkIndex {
    private final Map<ChunkId, ChunkLocation> rows = new ConcurrentHashMap<>();

    @Override
    public Map<ChunkId, ChunkLocation> find(Collection<ChunkId> ids) {
        Map<ChunkId, ChunkLocation> found = new HashMap<>();
        for (ChunkId id : ids) {
            ChunkLocation loc = rows.get(id);
            if (loc != null) {
                found.put(id, loc);
            }
        }
        return found;
    }

    @Override
    public void add(String packId, List<PackEntry> entries) {
        for (PackEntry e : entries) {
            rows.put(e.id(), new ChunkLocation(packId, e, false));
        }
    }

    @Override
    public void forEach(Consumer<ChunkLocation> action) {
        rows.values().forEach(action);
    }
}
