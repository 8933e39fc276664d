package io.m365vault.service;

import io.m365vault.backup.ItemKind;
import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import io.m365vault.repo.Repository;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a point in time asked of a protected item (browse, export, restore) before anything is
 * read at it, so a wrong time is one line rather than an empty listing or a failed job later.
 */
final class PointInTime {
    /**
     * What a workload holds from its first backup on: a mailbox's folders, the drives of files. Asking for them alone
     * keeps the check to a few rows however large the mailbox; other workloads are asked whole.
     */
    private static final Map<Workload, String> FIRST_ROWS = Map.of(Workload.MAIL, ItemKind.MAIL_FOLDER,
            Workload.CALENDAR, ItemKind.CALENDAR, Workload.CONTACTS, ItemKind.CONTACT_FOLDER, Workload.FILES, ItemKind.DRIVE);

    private PointInTime() {
    }

    /**
     * @throws InvalidRequestException {@code at} is after {@code now}
     * @throws NotFoundException       nothing of the item is backed up at {@code at}: before its first backup, or never
     */
    static void check(Repository repo, ProtectedItem item, Instant at, Instant now) {
        if (at.isAfter(now)) {
            throw new InvalidRequestException("at " + at + " is in the future (now is " + now + ")");
        }
        if (earliest(repo, item, at).isPresent()) {
            return;
        }
        // A row valid now that began by `at` would be valid at `at` too, so this one began later.
        Optional<Instant> later = earliest(repo, item, now);
        throw new NotFoundException(later.map(t -> item + " has nothing backed up at " + at + ", before its first backup (" + t + ")")
                .orElse(item + " has nothing backed up"));
    }

    /** The earliest start of a row valid at {@code t}, or empty when the item has none then. */
    private static Optional<Instant> earliest(Repository repo, ProtectedItem item, Instant t) {
        Instant[] min = {null};
        for (Workload w : Workload.values()) {
            repo.catalog().at(item.partition(w), t, FIRST_ROWS.get(w), e -> {
                if (min[0] == null || e.validFrom().isBefore(min[0])) {
                    min[0] = e.validFrom();
                }
            });
        }
        return Optional.ofNullable(min[0]);
    }
}
