package io.m365vault.cli;

import io.m365vault.graph.GraphNotFoundException;
import io.m365vault.graph.GraphReader;
import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import io.m365vault.service.BackupPolicy;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Protected items as typed: a user named by UPN becomes {@code user:<id>}, the name the planner
 * gives the queue worker, so a mailbox has one catalog whichever way it was named.
 */
final class ItemNames {
    private ItemNames() {
    }

    static ProtectedItem resolve(GraphReader graph, ProtectedItem item) throws IOException {
        if (!item.kind().equals("user") || !item.id().contains("@")) {
            return item;
        }
        String id;
        try {
            id = graph.get("users/" + URLEncoder.encode(item.id(), StandardCharsets.UTF_8) + "?$select=id").path("id").asText("");
        } catch (GraphNotFoundException e) {
            throw new IOException("the tenant has no user " + item.id());
        }
        if (id.isEmpty()) {
            throw new IOException("Graph gave no id for " + item);
        }
        return new ProtectedItem("user", id);
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
