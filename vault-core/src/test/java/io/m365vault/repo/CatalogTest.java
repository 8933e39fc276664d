package io.m365vault.repo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365vault.testkit.AzuriteExtension;
import io.m365vault.testkit.AzuriteExtension.StorageAccount;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(AzuriteExtension.class)
class CatalogTest {
    private static final String PART = "user:a/b+c=:mail";
    private static final Instant T1 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant T3 = Instant.parse("2026-03-01T00:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void pointInTimeViewsFollowVersions(StorageAccount account) {
        try (Repository repo = Repository.init(TestRepos.storage(account), TestRepos.freshName(), TestRepos.newKek(tmp));
             WriterSession s = repo.newSession()) {
            ContentRef v1 = s.store("first".getBytes(StandardCharsets.UTF_8), ChunkerParams.SMALL);
            ContentRef v2 = s.store("second".getBytes(StandardCharsets.UTF_8), ChunkerParams.SMALL);
            // Graph ids carry '/', '+' and '=': the keys must survive them.
            String edited = "AAMkAD/x+y==";
            String deleted = "AAMkAD/gone";
            s.record(entry(edited, T1, null, v1, "{\"subject\":\"one\"}"));
            s.record(entry(deleted, T1, null, v1, "{\"subject\":\"doomed\"}"));
            assertTrue(repo.catalog().empty(PART), "rows not committed are not the catalog's");
            s.commit(new Checkpoint("delta:user:a:mail", "inbox", Map.of("deltaLink", "https://x/delta?token=1")));

            assertFalse(repo.catalog().empty(PART));
            assertTrue(repo.catalog().empty(PART.replace("mail", "files")), "another partition of the same item");
            CatalogEntry current = repo.catalog().current(PART, edited).orElseThrow();
            s.record(current.closedAt(T2));
            s.record(entry(edited, T2, null, v2, "{\"subject\":\"two\"}"));
            s.record(repo.catalog().current(PART, deleted).orElseThrow().closedAt(T3));
            s.commit();

            assertEquals(List.of(), repo.catalog().at(PART, T1.minusSeconds(1)));
            List<CatalogEntry> atT1 = repo.catalog().at(PART, T1);
            assertEquals(2, atT1.size());
            CatalogEntry e1 = atT1.stream().filter(e -> e.itemId().equals(edited)).findFirst().orElseThrow();
            assertEquals("{\"subject\":\"one\"}", new String(e1.metadata(), StandardCharsets.UTF_8));
            assertArrayEquals("first".getBytes(StandardCharsets.UTF_8), repo.reader().readAll(e1.content()));

            List<CatalogEntry> atT2 = repo.catalog().at(PART, T2);
            assertEquals(2, atT2.size());
            CatalogEntry e2 = atT2.stream().filter(e -> e.itemId().equals(edited)).findFirst().orElseThrow();
            assertArrayEquals("second".getBytes(StandardCharsets.UTF_8), repo.reader().readAll(e2.content()));

            List<CatalogEntry> atT3 = repo.catalog().at(PART, T3);
            assertEquals(List.of(edited), atT3.stream().map(CatalogEntry::itemId).toList());
            assertEquals(2, repo.catalog().versions(PART, edited).size());
            assertEquals("https://x/delta?token=1",
                    repo.state().get("delta:user:a:mail", "inbox").orElseThrow().get("deltaLink"));
        }
    }

    @Test
    void largeMetadataSpansProperties(StorageAccount account) {
        try (Repository repo = Repository.init(TestRepos.storage(account), TestRepos.freshName(), TestRepos.newKek(tmp));
             WriterSession s = repo.newSession()) {
            String big = "{\"body\":\"" + "x".repeat(200_000) + "\"}";
            s.record(entry("big", T1, null, ContentRef.EMPTY, big));
            s.commit();
            assertEquals(big, new String(repo.catalog().current(PART, "big").orElseThrow().metadata(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void metadataBeyondWhatARowHoldsGoesIntoChunksAndReadsBack(StorageAccount account) {
        try (Repository repo = Repository.init(TestRepos.storage(account), TestRepos.freshName(), TestRepos.newKek(tmp))) {
            // An event series with its exceptions can pass 1 MiB of JSON; an entity holds 1 MiB.
            String series = "{\"exceptionOccurrences\":\"" + new String(TestRepos.random(7, 1_500_000), StandardCharsets.ISO_8859_1)
                    .replaceAll("[^a-z]", "q") + "\"}";
            try (WriterSession s = repo.newSession()) {
                s.record(entry("series", T1, null, ContentRef.EMPTY, series));
                s.commit();
            }
            CatalogEntry back = repo.catalog().current(PART, "series").orElseThrow();
            assertEquals(series, new String(back.metadata(), StandardCharsets.UTF_8));
            assertTrue(back.metadataRef() != null, "kept as chunks");
            VerifyReport report = new Verifier(repo).verify(true);
            assertTrue(report.ok(), report.errors().toString());
        }
    }

    @Test
    void aRowAlteredOrMovedDoesNotOpenAndVerifySaysSo(StorageAccount account) {
        try (Repository repo = Repository.init(TestRepos.storage(account), TestRepos.freshName(), TestRepos.newKek(tmp))) {
            ContentRef a;
            ContentRef b;
            try (WriterSession s = repo.newSession()) {
                a = s.store("body of a".getBytes(StandardCharsets.UTF_8), ChunkerParams.SMALL);
                b = s.store("body of b".getBytes(StandardCharsets.UTF_8), ChunkerParams.SMALL);
                s.record(entry("a", T1, null, a, "{}"));
                s.record(entry("b", T1, null, b, "{}"));
                s.record(entry("gone", T1, T2, ContentRef.EMPTY, "{}"));
                s.commit();
            }
            com.azure.data.tables.TableClient table = TestRepos.storage(account).tables().getTableClient(repo.name() + "catalog");
            List<com.azure.data.tables.models.TableEntity> rows = new java.util.ArrayList<>();
            table.listEntities().forEach(rows::add);
            assertEquals(3, rows.size());
            // Swap the sealed parts of two rows (their bodies), and bring the deleted one back (no validTo).
            List<com.azure.data.tables.models.TableEntity> open = rows.stream().filter(e -> e.getProperty("validTo") == null).toList();
            com.azure.data.tables.models.TableEntity first = open.get(0);
            com.azure.data.tables.models.TableEntity second = open.get(1);
            Object s0 = first.getProperty("s0");
            first.addProperty("s0", second.getProperty("s0"));
            second.addProperty("s0", s0);
            table.upsertEntity(first);
            table.upsertEntity(second);
            for (com.azure.data.tables.models.TableEntity e : rows) {
                if (e.getProperty("validTo") != null) {
                    e.getProperties().remove("validTo");
                    table.updateEntity(e, com.azure.data.tables.models.TableEntityUpdateMode.REPLACE);
                }
            }
            RepositoryException read = org.junit.jupiter.api.Assertions.assertThrows(RepositoryException.class,
                    () -> repo.catalog().at(PART, T3));
            assertTrue(read.getMessage().contains("does not open: altered, moved or from another repository"), read.getMessage());
            VerifyReport report = new Verifier(repo).verify(false);
            assertEquals(3, report.errors().stream().filter(e -> e.contains("does not open")).count(), report.errors().toString());
        }
    }

    private static CatalogEntry entry(String id, Instant from, Instant to, ContentRef ref, String meta) {
        return new CatalogEntry(PART, id, from, to, "message", "inbox", ref.size(), ref, meta.getBytes(StandardCharsets.UTF_8));
    }
}
