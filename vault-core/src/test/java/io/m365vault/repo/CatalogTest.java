package io.m365vault.repo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
            s.commit(new Checkpoint("delta:user:a:mail", "inbox", Map.of("deltaLink", "https://x/delta?token=1")));

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

    private static CatalogEntry entry(String id, Instant from, Instant to, ContentRef ref, String meta) {
        return new CatalogEntry(PART, id, from, to, "message", "inbox", ref.size(), ref, meta.getBytes(StandardCharsets.UTF_8));
    }
}
