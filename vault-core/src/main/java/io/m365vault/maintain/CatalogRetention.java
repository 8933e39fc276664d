package io.m365vault.maintain;

import io.m365vault.backup.Workloads;
import io.m365vault.repo.Catalog;
import io.m365vault.repo.StoredVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Applies a {@link RetentionPolicy} to the whole catalog in one listing: each item's versions
 * are judged together, the expired ones dropped (conditionally: a row a backup rewrote since it
 * was read stays), and every version kept is handed on, for garbage collection to count what it
 * references. Current versions are never dropped.
 */
final class CatalogRetention {
    /** Drops go out a thousand at a time: the listing goes on without holding the whole catalog. */
    private static final int DROP_BATCH = 1000;

    private final Catalog catalog;
    private final RetentionPolicy policy;
    private final Instant now;
    private final boolean dryRun;
    private final Map<RetentionRule, List<Instant>> points = new ConcurrentHashMap<>();
    private final List<StoredVersion> item = new ArrayList<>();
    private final List<StoredVersion> drops = new ArrayList<>();
    private long versions;
    private long expired;
    private long dropped;

    CatalogRetention(Catalog catalog, RetentionPolicy policy, Instant now, boolean dryRun) {
        this.catalog = catalog;
        this.policy = policy;
        this.now = now;
        this.dryRun = dryRun;
    }

    /** Versions read, expired and (unless a dry run) dropped; {@code kept} sees every other version. */
    record Result(long versions, long expired, long dropped) {
    }

    Result run(Consumer<StoredVersion> kept, Consumer<String> unreadable) {
        catalog.forEachVersion(v -> {
            versions++;
            if (!item.isEmpty() && !v.sameItem(item.get(0))) {
                judge(kept);
            }
            item.add(v);
        }, unreadable);
        judge(kept);
        flush();
        return new Result(versions, expired, dropped);
    }

    private void judge(Consumer<StoredVersion> kept) {
        if (item.isEmpty()) {
            return;
        }
        RetentionRule rule = policy.rule(Workloads.ofKind(item.get(0).kind()).orElse(null));
        List<StoredVersion> gone = ItemRetention.expired(rule, item, now, points.computeIfAbsent(rule, r -> r.points(now)));
        for (StoredVersion v : item) {
            if (gone.contains(v)) {
                drops.add(v);
            } else {
                kept.accept(v);
            }
        }
        expired += gone.size();
        item.clear();
        if (drops.size() >= DROP_BATCH) {
            flush();
        }
    }

    private void flush() {
        if (!dryRun && !drops.isEmpty()) {
            dropped += catalog.drop(List.copyOf(drops));
        }
        drops.clear();
    }
}
