package io.m365vault.maintain;

import io.m365vault.repo.Repository;
import io.m365vault.repo.StoredPack;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a repository holds, counted from its own tables and blobs: item versions and the content
 * they name (all versions: logical; current versions: protected, what the tenant holds now), the
 * distinct chunks' plaintext (unique) and sealed records (sealed), and the pack blobs by access
 * tier. Dedup = logical / unique; compression = unique / sealed.
 */
public record RepoStats(long versions, long currentVersions, long logicalBytes, long protectedBytes, long chunks, long uniqueBytes,
                        long sealedBytes, long packs, long packBytes, Map<String, Long> packBytesByTier, long packsWrittenLastMonth) {

    public static RepoStats of(Repository repo, Instant now) {
        long[] v = new long[4];
        repo.catalog().forEachVersion(e -> {
            v[0]++;
            v[2] += e.content().size();
            if (e.current()) {
                v[1]++;
                v[3] += e.content().size();
            }
        }, bad -> { });
        long[] c = new long[3];
        repo.index().forEach(loc -> {
            c[0]++;
            c[1] += loc.entry().rawLength();
            c[2] += loc.entry().length();
        });
        long packs = 0;
        long packBytes = 0;
        long recent = 0;
        Map<String, Long> byTier = new TreeMap<>();
        Instant monthAgo = now.minus(Duration.ofDays(30));
        for (StoredPack p : repo.packs().stored()) {
            packs++;
            packBytes += p.size();
            byTier.merge(p.tier() == null ? "Hot" : p.tier(), p.size(), Long::sum);
            if (p.lastModified() != null && p.lastModified().isAfter(monthAgo)) {
                recent++;
            }
        }
        return new RepoStats(v[0], v[1], v[2], v[3], c[0], c[1], c[2], packs, packBytes, Map.copyOf(byTier), recent);
    }

    public double dedup() {
        return uniqueBytes == 0 ? 1 : (double) logicalBytes / uniqueBytes;
    }

    public double compression() {
        return sealedBytes == 0 ? 1 : (double) uniqueBytes / sealedBytes;
    }

    /** Stored bytes per protected byte (0 when nothing is protected). */
    public double storedPerProtected() {
        return protectedBytes == 0 ? 0 : (double) packBytes / protectedBytes;
    }
}
