package io.m365vault.repo;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * An index held in memory: for the local pipeline benchmark and fast tests, where no table exists.
 * A row is an {@link IndexRow} object; a change applies only while the same object is stored.
 */
public final class MemoryChunkIndex implements ChunkIndex {
    private final Map<ChunkId, IndexRow> rows = new ConcurrentHashMap<>();

    @Override
    public Map<ChunkId, ChunkLocation> find(Collection<ChunkId> ids) {
        Map<ChunkId, ChunkLocation> found = new HashMap<>();
        for (ChunkId id : ids) {
            IndexRow row = rows.get(id);
            if (row != null) {
                found.put(id, row.location());
            }
        }
        return found;
    }

    @Override
    public synchronized void add(String packId, List<PackEntry> entries) {
        for (PackEntry e : entries) {
            rows.put(e.id(), new IndexRow(new ChunkLocation(packId, e, false), null, null));
        }
    }

    @Override
    public void forEach(Consumer<ChunkLocation> action) {
        rows.values().forEach(r -> action.accept(r.location()));
    }

    @Override
    public void forEachRow(Consumer<IndexRow> action) {
        rows.values().forEach(action);
    }

    @Override
    public synchronized List<IndexChange> apply(List<IndexChange> changes) {
        List<IndexChange> applied = new java.util.ArrayList<>();
        for (IndexChange c : changes) {
            IndexRow now = rows.get(c.row().id());
            if (now != c.row()) {
                continue;
            }
            ChunkLocation loc = now.location();
            IndexRow next = switch (c.kind()) {
                case CONDEMN -> new IndexRow(new ChunkLocation(loc.packId(), loc.entry(), true), c.at(), null);
                case REVIVE -> new IndexRow(new ChunkLocation(loc.packId(), loc.entry(), false), null, null);
                case MOVE -> new IndexRow(new ChunkLocation(c.packId(), c.entry(), loc.condemned()), now.condemnedAt(), null);
                case DELETE -> null;
            };
            if (next == null) {
                rows.remove(now.id());
            } else {
                rows.put(now.id(), next);
            }
            applied.add(c);
        }
        return applied;
    }
}
