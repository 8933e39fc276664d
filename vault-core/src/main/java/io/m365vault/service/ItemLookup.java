package io.m365vault.service;

import io.m365vault.backup.ProtectedItem;
import io.m365vault.graph.GraphNotFoundException;
import io.m365vault.graph.GraphReader;
import io.m365vault.repo.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * A protected item as a caller names it, turned into the one the repository keeps: a user named
 * by UPN becomes {@code user:<id>}, the name the planner gives the queue worker, so a mailbox
 * has one catalog whichever way it was named (for what is backed up, by the {@link Inventory}
 * first, so a user since deleted is still found). The CLI and the HTTP API both ask here.
 */
public final class ItemLookup {
    private final Repository repo;
    private final GraphReader graph;
    private final Clock clock;

    public ItemLookup(Repository repo, GraphReader graph, Clock clock) {
        this.repo = repo;
        this.graph = graph;
        this.clock = clock;
    }

    /**
     * The item as kept, with something backed up at {@code at}.
     *
     * @throws InvalidRequestException {@code at} is in the future
     * @throws NotFoundException       no such user in the tenant, or nothing of the item backed up at {@code at}
     */
    public ProtectedItem backedUp(ProtectedItem item, Instant at) {
        ProtectedItem kept = known(item).orElseGet(() -> resolve(graph, item));
        PointInTime.check(repo, kept, at, clock.instant());
        return kept;
    }

    /**
     * A user named by UPN as the inventory knows them, without asking Graph: a user deleted from
     * the tenant is still found by the UPN they had when last backed up.
     */
    private java.util.Optional<ProtectedItem> known(ProtectedItem item) {
        if (!item.kind().equals("user") || !item.id().contains("@")) {
            return java.util.Optional.empty();
        }
        return new Inventory(repo.state()).list().stream()
                .filter(e -> e.item().kind().equals("user") && item.id().equalsIgnoreCase(e.principal()))
                .map(Inventory.Entry::item).findFirst();
    }

    /** A restore's target as kept, in the tenant now. @throws NotFoundException no such user, site or group */
    public ProtectedItem target(ProtectedItem item) {
        return inTenant(graph, item);
    }

    /**
     * The item as kept, checked to be in the tenant now (a backup of what the tenant does not have
     * is an error, not a run of nothing). Exports and restores do not ask this: what was backed up
     * may have left the tenant since.
     *
     * @throws NotFoundException no such user, site or group in the tenant
     */
    public static ProtectedItem inTenant(GraphReader graph, ProtectedItem item) {
        ProtectedItem kept = resolve(graph, item);
        find(graph, kept);
        return kept;
    }

    /** {@code user:<UPN>} as {@code user:<id>}; anything else as it is. @throws NotFoundException no such user */
    public static ProtectedItem resolve(GraphReader graph, ProtectedItem item) {
        if (!item.kind().equals("user") || !item.id().contains("@")) {
            return item;
        }
        String id = find(graph, item).path("id").asText("");
        if (id.isEmpty()) {
            throw new IllegalStateException("Graph gave no id for " + item);
        }
        return new ProtectedItem("user", id);
    }

    /** The item's directory or site object ({@code users/}, {@code sites/}, {@code groups/}); @throws NotFoundException when the tenant has none */
    private static com.fasterxml.jackson.databind.JsonNode find(GraphReader graph, ProtectedItem item) {
        // A site id's commas stay: Graph reads them as the id's separators.
        String path = item.kind() + "s/" + URLEncoder.encode(item.id(), StandardCharsets.UTF_8).replace("%2C", ",") + "?$select=id";
        try {
            return graph.get(path);
        } catch (GraphNotFoundException e) {
            throw new NotFoundException("the tenant has no " + item.kind() + " " + item.id());
        } catch (IOException e) {
            throw new UncheckedIOException("looking up " + item + " in Graph failed: " + e.getMessage(), e);
        }
    }
}
