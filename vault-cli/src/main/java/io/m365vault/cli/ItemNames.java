package io.m365vault.cli;

import io.m365vault.graph.GraphReader;
import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import io.m365vault.service.BackupPolicy;
import io.m365vault.service.ItemLookup;
import java.util.Set;

/**
 * Protected items as typed: a user named by UPN becomes {@code user:<id>}, the name the planner
 * gives the queue worker, so a mailbox has one catalog whichever way it was named.
 */
final class ItemNames {
    private ItemNames() {
    }

    /** The lookup the HTTP API makes, for the items `vault backup` is given. */
    static ProtectedItem resolve(GraphReader graph, ProtectedItem item) {
        return ItemLookup.resolve(graph, item);
    }

    /** The workloads an item of its kind has. */
    static Set<Workload> workloads(ProtectedItem item) {
        return switch (item.kind()) {
            case "user" -> BackupPolicy.USER_WORKLOADS;
            case "site" -> BackupPolicy.SITE_WORKLOADS;
            default -> Set.of(Workload.FILES);
        };
    }
}
