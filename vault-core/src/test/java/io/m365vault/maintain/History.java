package io.m365vault.maintain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.m365vault.repo.CatalogEntry;
import io.m365vault.repo.ChunkerParams;
import io.m365vault.repo.ContentRef;
import io.m365vault.repo.Repository;
import io.m365vault.repo.WriterSession;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;

/**
 * A tenant's history for prune tests: at each backup time, what each item held (absent: deleted).
 * {@link #backUp} writes it as the engine does (a changed item's version closed and a new one
 * opened, a deleted item's closed); {@link #assertViewAt} checks a point in time against it.
 */
final class History {
    static final String PARTITION = "user:u1:mail";

    private final NavigableMap<Instant, Map<String, byte[]>> states = new TreeMap<>();

    /** Content of {@code size} bytes from {@code seed}: the same seed, the same bytes (dedup). */
    static byte[] content(long seed, int size) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /**
     * Two backups two days apart, the first at {@code t0}: a changed and b deleted ({@code mib}
     * MiB each), c unchanged (100 KB), big (3 MiB: more than 32 chunks, so named by a chunk
     * list) added by the second. Once retention keeps current versions only, the first backup's
     * pack is nearly all dead (repacked) and the second's all live.
     */
    static History backUpChangeBackUp(Repository repo, Instant t0, int mib) {
        History h = new History();
        h.backUp(repo, t0, Map.of("a", content(1, mib << 20), "b", content(2, mib << 20), "c", content(3, 100_000)));
        h.backUp(repo, t0.plus(java.time.Duration.ofDays(2)), Map.of("a", content(5, mib << 20), "c", content(3, 100_000),
                "big", content(4, 3 << 20)));
        return h;
    }

    /**
     * What a backup killed between its pack upload and its index rows leaves: a pack no index row
     * names (its rows are written, then taken away). Returns the pack's id.
     */
    static String killedAttempt(Repository repo, long seed) {
        java.util.Set<String> before = new java.util.HashSet<>(repo.packs().list());
        try (WriterSession s = repo.newSession()) {
            s.store(content(seed, 300_000), ChunkerParams.SMALL);
            s.commit();
        }
        // The new pack by the listing, not by time: a blob's time has a resolution of a second.
        String killed = repo.packs().list().stream().filter(id -> !before.contains(id)).findFirst().orElseThrow();
        java.util.List<io.m365vault.repo.IndexChange> unname = new java.util.ArrayList<>();
        repo.index().forEachRow(r -> {
            if (r.packId().equals(killed)) {
                unname.add(io.m365vault.repo.IndexChange.delete(r));
            }
        });
        repo.index().apply(unname);
        return killed;
    }

    /** Backs up {@code state} at {@code t} into {@code repo} in one session. */
    void backUp(Repository repo, Instant t, Map<String, byte[]> state) {
        Map<String, byte[]> before = states.isEmpty() ? Map.of() : states.lastEntry().getValue();
        try (WriterSession s = repo.newSession()) {
            for (Map.Entry<String, byte[]> e : state.entrySet()) {
                byte[] old = before.get(e.getKey());
                if (old != null && java.util.Arrays.equals(old, e.getValue())) {
                    continue;
                }
                CatalogEntry current = current(repo, e.getKey());
                if (current != null) {
                    s.record(current.closedAt(t));
                }
                ContentRef ref = s.store(e.getValue(), ChunkerParams.SMALL);
                s.record(new CatalogEntry(PARTITION, e.getKey(), t, null, "message", "inbox", ref.size(), ref,
                        ("{\"id\":\"" + e.getKey() + "\"}").getBytes(StandardCharsets.UTF_8)));
            }
            for (String gone : before.keySet()) {
                CatalogEntry current = current(repo, gone);
                if (!state.containsKey(gone) && current != null) {
                    s.record(current.closedAt(t));
                }
            }
            s.commit();
        }
        states.put(t, new HashMap<>(state));
    }

    private static CatalogEntry current(Repository repo, String item) {
        return repo.catalog().current(PARTITION, item).orElse(null);
    }

    /** The repository's view at {@code t} holds exactly what the tenant held at its last backup by then. */
    void assertViewAt(Repository repo, Instant t) {
        Map.Entry<Instant, Map<String, byte[]>> then = states.floorEntry(t);
        Map<String, byte[]> expected = then == null ? Map.of() : then.getValue();
        List<CatalogEntry> view = repo.catalog().at(PARTITION, t);
        assertEquals(new TreeMap<>(expected).keySet(), new TreeMap<>(toMap(view)).keySet(), "items at " + t);
        for (CatalogEntry e : view) {
            assertArrayEquals(expected.get(e.itemId()), repo.reader().readAll(e.content()), e.itemId() + " at " + t);
        }
    }

    private static Map<String, CatalogEntry> toMap(List<CatalogEntry> view) {
        Map<String, CatalogEntry> m = new HashMap<>();
        view.forEach(e -> m.put(e.itemId(), e));
        return m;
    }
}
