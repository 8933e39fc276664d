package io.m365vault.maintain;

import io.m365vault.repo.Catalog;
import io.m365vault.repo.CatalogEntry;
import io.m365vault.repo.ChunkId;
import io.m365vault.repo.ChunkIndex;
import io.m365vault.repo.ChunkLocation;
import io.m365vault.repo.Checkpoint;
import io.m365vault.repo.ForwardingCatalog;
import io.m365vault.repo.ForwardingPackStore;
import io.m365vault.repo.IndexChange;
import io.m365vault.repo.IndexRow;
import io.m365vault.repo.Pack;
import io.m365vault.repo.PackEntry;
import io.m365vault.repo.PackStore;
import io.m365vault.repo.StateStore;
import io.m365vault.repo.StoredVersion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A process death at the n-th write to storage: wrappers around the in-memory stores count every
 * write (a row, a pack, a deletion; a batch counts row by row, so a crash can split it) and
 * throw {@link Crash} instead of the armed one, and then at every later write too, as a dead
 * process writes nothing more.
 */
final class Crashes {
    static final class Crash extends RuntimeException {
        Crash(long n) {
            super("crashed at write " + n);
        }
    }

    private long armedAt = -1;
    private long writes;
    private boolean dead;

    synchronized void arm(long n) {
        armedAt = n;
        writes = 0;
        dead = false;
    }

    synchronized void disarm() {
        armedAt = -1;
        dead = false;
    }

    synchronized boolean crashed() {
        return dead;
    }

    private synchronized void write() {
        if (armedAt < 0) {
            return;
        }
        writes++;
        if (dead || writes >= armedAt) {
            dead = true;
            throw new Crash(writes);
        }
    }

    PackStore packs(PackStore p) {
        return new ForwardingPackStore(p) {
            @Override
            public void put(Pack pack) {
                write();
                super.put(pack);
            }

            @Override
            public void delete(String packId) {
                write();
                super.delete(packId);
            }
        };
    }

    ChunkIndex index(ChunkIndex i) {
        return new ChunkIndex() {
            @Override
            public Map<ChunkId, ChunkLocation> find(Collection<ChunkId> ids) {
                return i.find(ids);
            }

            @Override
            public void add(String packId, List<PackEntry> entries) {
                for (PackEntry e : entries) {
                    write();
                    i.add(packId, List.of(e));
                }
            }

            @Override
            public void forEach(Consumer<ChunkLocation> action) {
                i.forEach(action);
            }

            @Override
            public void forEachRow(Consumer<IndexRow> action) {
                i.forEachRow(action);
            }

            @Override
            public List<IndexChange> apply(List<IndexChange> changes) {
                List<IndexChange> done = new ArrayList<>();
                for (IndexChange c : changes) {
                    write();
                    done.addAll(i.apply(List.of(c)));
                }
                return done;
            }
        };
    }

    Catalog catalog(Catalog c) {
        return new ForwardingCatalog(c) {
            @Override
            public void put(List<CatalogEntry> entries) {
                for (CatalogEntry e : entries) {
                    write();
                    super.put(List.of(e));
                }
            }

            @Override
            public int drop(List<StoredVersion> rows) {
                int n = 0;
                for (StoredVersion v : rows) {
                    write();
                    n += super.drop(List.of(v));
                }
                return n;
            }
        };
    }

    StateStore state(StateStore s) {
        return new StateStore() {
            @Override
            public void put(Checkpoint c) {
                write();
                s.put(c);
            }

            @Override
            public void putAll(List<Checkpoint> rows) {
                for (Checkpoint c : rows) {
                    put(c);
                }
            }

            @Override
            public Optional<Map<String, Object>> get(String scope, String key) {
                return s.get(scope, key);
            }

            @Override
            public List<Map.Entry<String, Map<String, Object>>> list(String scope) {
                return s.list(scope);
            }

            @Override
            public void delete(String scope, String key) {
                write();
                s.delete(scope, key);
            }
        };
    }
}
