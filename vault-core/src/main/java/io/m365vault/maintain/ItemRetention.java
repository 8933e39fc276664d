package io.m365vault.maintain;

import io.m365vault.repo.StoredVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Applies a {@link RetentionRule} to the versions of one item: which of them go. */
final class ItemRetention {
    private ItemRetention() {
    }

    /**
     * The versions to drop, of {@code versions} (one item's, newest first) at {@code now}, given
     * the rule's retained {@code points}. The current version is never among them.
     */
    static List<StoredVersion> expired(RetentionRule rule, List<StoredVersion> versions, Instant now, List<Instant> points) {
        List<StoredVersion> out = new ArrayList<>();
        if (versions.isEmpty()) {
            return out;
        }
        StoredVersion newest = versions.get(0);
        boolean forgotten = rule.deletedDays() != null && !newest.current()
                && !newest.validTo().isAfter(now.minus(Duration.ofDays(rule.deletedDays())));
        Instant keepAllSince = now.minus(Duration.ofDays(rule.keepAllDays()));
        Instant alwaysSince = now.minus(RetentionRule.ALWAYS_KEPT);
        for (int i = 0; i < versions.size(); i++) {
            StoredVersion v = versions.get(i);
            if (v.current() || v.validTo().isAfter(alwaysSince)) {
                continue;
            }
            if (forgotten) {
                out.add(v);
                continue;
            }
            boolean kept = v.validTo().isAfter(keepAllSince) || i < rule.lastVersions()
                    || points.stream().anyMatch(v::validAt);
            if (!kept) {
                out.add(v);
            }
        }
        return out;
    }
}
