package io.m365vault.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365vault.repo.Catalog;
import io.m365vault.repo.CatalogEntry;
import io.m365vault.repo.ContentRef;
import io.m365vault.repo.MemoryCatalog;
import io.m365vault.repo.Repository;
import io.m365vault.repo.WriterSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a run sees of the catalog, and what it costs to ask: a first backup asks nothing per item. */
class RunViewTest {
    private static final String PART = "user:u:files";
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private final Repository repo = Repository.inMemory();
    private final Counted catalog = new Counted();

    @AfterEach
    void close() {
        repo.close();
    }

    @Test
    void aPartitionThatBeganEmptyIsAskedOnlyAboutIdsThisRunHasAlreadyMet() {
        try (WriterSession session = repo.newSession()) {
            RunView view = new RunView(catalog, session, PART);
            assertEquals(Map.of(), view.latest(List.of("a", "b")));
            assertEquals(List.of(), catalog.asked, "nothing can be stored of items this run never met");

            CatalogEntry a = row("a");
            catalog.put(List.of(a)); // as a commit of this run writes it
            assertEquals(Map.of("a", a), view.latest(List.of("a", "c")), "met before, then committed: found");
            assertEquals(List.of("a"), catalog.asked);
        }
    }

    @Test
    void aPartitionWithRowsIsAskedAboutEveryId() {
        catalog.put(List.of(row("old")));
        try (WriterSession session = repo.newSession()) {
            RunView view = new RunView(catalog, session, PART);
            assertTrue(view.latest(List.of("x", "old")).containsKey("old"));
            assertEquals(List.of("x", "old"), catalog.asked);
        }
    }

    @Test
    void thousandsOfIdsAreTellableApart() {
        SeenHashes seen = new SeenHashes();
        for (int i = 0; i < 100_000; i++) {
            assertTrue(seen.add("01" + i), "id " + i);
        }
        for (int i = 0; i < 100_000; i += 997) {
            assertTrue(!seen.add("01" + i), "id " + i + " again");
        }
    }

    private static CatalogEntry row(String id) {
        return new CatalogEntry(PART, id, T, null, ItemKind.FILE, "root", 0, ContentRef.EMPTY, new byte[] {'{', '}'});
    }

    /** A catalog in memory that records which ids were looked up. */
    private static final class Counted extends io.m365vault.repo.ForwardingCatalog {
        final List<String> asked = new ArrayList<>();

        Counted() {
            super(new MemoryCatalog());
        }

        @Override
        public Map<String, CatalogEntry> latest(String partition, Collection<String> itemIds) {
            asked.addAll(itemIds);
            return super.latest(partition, itemIds);
        }
    }
}
