package io.m365vault.backup;

import static io.m365vault.backup.ScriptedGraph.item;
import static io.m365vault.backup.ScriptedGraph.removed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.graph.DeltaExpiredException;
import io.m365vault.graph.GraphNotFoundException;
import io.m365vault.graph.GraphStatusException;
import io.m365vault.repo.CatalogEntry;
import io.m365vault.repo.Repository;
import io.m365vault.repo.WriterSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The one backup loop on an in-memory repository and a scripted Graph: fast, and every fault where a test puts it. */
class CollectionSyncTest {
    private static final String PART = "user:u:mail";
    private final ExecutorService fetchers = Executors.newFixedThreadPool(4);
    private Repository repo = Repository.inMemory();
    private final ScriptedGraph graph = new ScriptedGraph();
    private final List<ItemFault> faults = new ArrayList<>();

    @AfterEach
    void close() {
        fetchers.shutdownNow();
        repo.close();
    }

    /** A message-like shape: changeKey versions, content at content/{id}. */
    private static final ItemShape SHAPE = new ItemShape() {
        @Override
        public String kind() {
            return ItemKind.MESSAGE;
        }

        @Override
        public boolean removed(JsonNode item) {
            return item.has("@removed");
        }

        @Override
        public String version(JsonNode item) {
            return Json.text(item, "changeKey");
        }

        @Override
        public String contentTag(JsonNode item) {
            return Json.text(item, "changeKey");
        }

        @Override
        public String contentPath(JsonNode item) {
            return "content/" + id(item);
        }

        @Override
        public String unreadable(JsonNode item) {
            return item.has("malware") ? "malware detected: not downloadable" : null;
        }

        @Override
        public String itemPath(String id) {
            return "items/" + id;
        }

        /** Used where the collection gives no parent (a tree's delta, as a drive's): the item's "parent". */
        @Override
        public String parent(JsonNode item) {
            return Json.text(item, "parent");
        }
    };

    private static final Collection FOLDER = Collection.delta("messages:f", "delta", SHAPE, "f");
    /** A tree whose items name their folders: a re-enumeration vouches for the folders it saw. */
    private static final Collection TREE = Collection.delta("tree", "delta", SHAPE, null);

    /** One workload run over the collection, as ItemBackup runs it: a fresh session, committed at the end. */
    private SyncContext run(Instant t, long windowBytes) throws IOException {
        return run(t, windowBytes, FOLDER);
    }

    private SyncContext run(Instant t, long windowBytes, Collection c) throws IOException {
        try (WriterSession session = repo.newSession()) {
            SyncContext ctx = new SyncContext("r" + t.toEpochMilli(), t, new ProtectedItem("user", "u"), Workload.MAIL, repo, session, graph,
                    new ContentWindow(fetchers, windowBytes), new SyncStats(), faults, FailedItems.load(repo.state(), PART), new HashSet<>());
            new CollectionSync(ctx).run(c);
            session.commit();
            return ctx;
        }
    }

    private SyncContext run(Instant t) throws IOException {
        return run(t, 8 << 20);
    }

    private Map<String, String> at(Instant t) {
        Map<String, String> out = new TreeMap<>();
        repo.catalog().at(PART, t, e -> out.put(e.itemId(), Json.read(e.metadata()).get("changeKey").asText() + "|"
                + new String(repo.reader().readAll(e.content()), StandardCharsets.UTF_8)));
        return out;
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void itemsRepeatedAndRemovedWithinOneRoundLeaveNoGhosts() throws Exception {
        Instant t1 = Instant.parse("2026-01-01T00:00:00Z");
        graph.page("delta", List.of(item("a", "1"), item("b", "1")), "p2", null)
                .page("p2", List.of(item("a", "2"), item("b", "1")), "p3", null)
                .page("p3", List.of(removed("b")), null, "d1")
                .content("content/a", text("A")).content("content/b", text("B"));
        run(t1);
        assertEquals(Map.of("a", "2|A"), at(t1));
        assertEquals(1, repo.catalog().versions(PART, "a").size(), "one version of a: " + repo.catalog().versions(PART, "a"));
        assertEquals(List.of(), repo.catalog().versions(PART, "b"), "b came and went within the round: no row of it stays");

        // A committed version this run wrote, taken back on a later page: deleted, and the one before it closed.
        Instant t2 = t1.plusSeconds(60);
        graph.page("d1", List.of(item("a", "3")), "q2", null).page("q2", List.of(removed("a")), null, "d2")
                .beforeGet("q2", () -> { });
        SyncContext[] ctx = new SyncContext[1];
        graph.beforeGet("q2", () -> ctx[0].session().commit());
        try (WriterSession session = repo.newSession()) {
            ctx[0] = new SyncContext("r2", t2, new ProtectedItem("user", "u"), Workload.MAIL, repo, session, graph,
                    new ContentWindow(fetchers, 8 << 20), new SyncStats(), faults, FailedItems.load(repo.state(), PART), new HashSet<>());
            new CollectionSync(ctx[0]).run(FOLDER);
            session.commit();
        }
        List<CatalogEntry> versions = repo.catalog().versions(PART, "a");
        assertEquals(1, versions.size(), "the version opened and removed in run 2 is gone: " + versions);
        assertEquals(t2, versions.get(0).validTo());
        assertEquals(Map.of(), at(t2));
        assertEquals(Map.of("a", "2|A"), at(t2.minusMillis(1)));
    }

    @Test
    void anItemWhoseContentFailsIsAFailedItemRetriedNextRunWhileTheRestIsBackedUp() throws Exception {
        Instant t1 = Instant.parse("2026-01-01T00:00:00Z");
        graph.page("delta", List.of(item("a", "1"), item("b", "1"), item("c", "1")), "p2", null)
                .page("p2", List.of(item("d", "1")), null, "d1")
                .content("content/a", text("A")).content("content/b", text("B")).content("content/c", text("C"))
                .content("content/d", text("D"))
                .failContent("content/b", new GraphStatusException("GET", "content/b", 500, "InternalServerError"))
                .failContent("content/c", new GraphNotFoundException(new GraphStatusException("GET", "content/c", 404, "ErrorItemNotFound")));
        SyncContext first = run(t1);
        assertEquals(Map.of("a", "1|A", "d", "1|D"), at(t1), "the rest of the page and the next page are backed up");
        assertEquals(List.of("b", "c"), faults.stream().map(ItemFault::itemId).toList());
        assertTrue(faults.get(1).reason().contains("404"), faults.get(1).reason());
        assertEquals(2, first.stats().failed());
        assertEquals("d1", repo.state().get(first.stateScope(), FOLDER.key()).orElseThrow().get("delta"), "the checkpoint moved past them");

        // Nothing new in the delta: the failed items are fetched by id and backed up now.
        faults.clear();
        Instant t2 = t1.plusSeconds(60);
        graph.page("d1", List.of(), null, "d2").answer("items/b", () -> item("b", "1")).answer("items/c", () -> item("c", "1"));
        run(t2);
        assertEquals(List.of(), faults);
        assertEquals(Map.of("a", "1|A", "b", "1|B", "c", "1|C", "d", "1|D"), at(t2));
        assertEquals(List.of(), repo.state().list("failed:" + PART), "nothing is left to retry");
    }

    @Test
    void anUnreadableItemIsReportedWithoutADownload() throws Exception {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        graph.page("delta", List.of(item("a", "1"), item("m", "1").put("malware", true)), null, "d1").content("content/a", text("A"));
        run(t);
        assertEquals(Map.of("a", "1|A"), at(t));
        assertEquals("malware detected: not downloadable", faults.get(0).reason());
        assertFalse(graph.requests.contains("content/m"));
    }

    @Test
    void aResyncLongerThanOneAttemptResumesWhereItWasAndClosesOnlyOnceComplete() throws Exception {
        repo.close();
        repo = Repository.inMemory(new WriterSession.CommitLimits(16 << 20, 2000, Duration.ZERO)); // every checkpoint commits
        Instant t1 = Instant.parse("2026-01-01T00:00:00Z");
        graph.page("delta", List.of(item("a", "1"), item("b", "1"), item("c", "1")), null, "d1")
                .content("content/a", text("A")).content("content/b", text("B")).content("content/c", text("C"));
        run(t1);

        // The token expired; the re-enumeration is killed after its first page.
        graph.answer("d1", ScriptedGraph.failing(new DeltaExpiredException(new GraphStatusException("GET", "d1", 410, "SyncStateNotFound"))))
                .page("delta", List.of(item("a", "1")), "r2", null)
                .answer("r2", () -> {
                    throw new IllegalStateException("worker killed");
                });
        Instant t2 = t1.plusSeconds(60);
        assertThrows(IllegalStateException.class, () -> run(t2));
        assertEquals(Map.of("a", "1|A", "b", "1|B", "c", "1|C"), at(t2), "nothing is closed by half an enumeration");

        // The next run resumes at the page it reached and still knows it saw a; c is gone.
        graph.requests.clear();
        graph.page("r2", List.of(item("b", "1")), null, "d2");
        Instant t3 = t2.plusSeconds(60);
        SyncContext third = run(t3);
        assertFalse(graph.requests.contains("delta"), "resumed, not restarted: " + graph.requests);
        assertEquals(Map.of("a", "1|A", "b", "1|B"), at(t3));
        assertEquals(t3, repo.catalog().versions(PART, "c").get(0).validTo());
        assertEquals(0, third.stats().contentFetched(), "a re-enumeration downloads nothing already stored");
    }

    @Test
    void aResumedResyncOfATreeStillClosesWhatIsGoneFromFoldersSeenBeforeTheResume() throws Exception {
        repo.close();
        repo = Repository.inMemory(new WriterSession.CommitLimits(16 << 20, 2000, Duration.ZERO)); // every checkpoint commits
        Instant t1 = Instant.parse("2026-01-01T00:00:00Z");
        graph.page("delta", List.of(item("a", "1").put("parent", "f1"), item("b", "1").put("parent", "f1"),
                        item("c", "1").put("parent", "f2")), null, "d1")
                .content("content/a", text("A")).content("content/b", text("B")).content("content/c", text("C"));
        run(t1, 8 << 20, TREE);

        // The token expired; the re-enumeration lists a (of folder f1) and is killed.
        graph.answer("d1", ScriptedGraph.failing(new DeltaExpiredException(new GraphStatusException("GET", "d1", 410, "SyncStateNotFound"))))
                .page("delta", List.of(item("a", "1").put("parent", "f1")), "r2", null)
                .answer("r2", () -> {
                    throw new IllegalStateException("worker killed");
                });
        Instant t2 = t1.plusSeconds(60);
        assertThrows(IllegalStateException.class, () -> run(t2, 8 << 20, TREE));

        // Resumed, the rest of the enumeration lists only c (of f2): b, of f1, is gone all the same.
        graph.page("r2", List.of(item("c", "1").put("parent", "f2")), null, "d2");
        Instant t3 = t2.plusSeconds(60);
        run(t3, 8 << 20, TREE);
        assertEquals(Map.of("a", "1|A", "c", "1|C"), at(t3), "b's folder was seen before the resume: the enumeration vouches for it");
        assertEquals(t3, repo.catalog().versions(PART, "b").get(0).validTo());
    }

    @Test
    void contentStreamsThroughAWindowBoundedInBytes() throws Exception {
        int items = 40;
        int size = 3 << 20;
        List<JsonNode> page = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            page.add(item("i" + i, "1"));
            int n = i;
            graph.content("content/i" + i, () -> new Pattern(size, n));
        }
        graph.page("delta", page, null, "d1");
        long window = 4 << 20;
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        SyncContext ctx;
        try (WriterSession session = repo.newSession()) {
            ctx = new SyncContext("r", t, new ProtectedItem("user", "u"), Workload.MAIL, repo, session, graph,
                    new ContentWindow(fetchers, window), new SyncStats(), faults, FailedItems.load(repo.state(), PART), new HashSet<>());
            new CollectionSync(ctx).run(FOLDER);
            session.commit();
        }
        assertTrue(ctx.window().peak() <= window + (1 << 20), "held at most the window and the block being read: " + ctx.window().peak());
        assertEquals((long) items * size, ctx.stats().bytesFetched());
        repo.catalog().at(PART, t, e -> assertEquals(size, repo.reader().readAll(e.content()).length));
    }

    /** {@code size} bytes of a pattern unique to {@code n}, made as read. */
    private static final class Pattern extends InputStream {
        private final int size;
        private final int n;
        private int pos;

        Pattern(int size, int n) {
            this.size = size;
            this.n = n;
        }

        @Override
        public int read() {
            return pos < size ? (pos++ * 31 + n) & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= size) {
                return -1;
            }
            int k = Math.min(len, size - pos);
            for (int i = 0; i < k; i++) {
                b[off + i] = (byte) ((pos++ * 31 + n * 7919 + (pos >> 12)) & 0xff);
            }
            return k;
        }
    }
}
