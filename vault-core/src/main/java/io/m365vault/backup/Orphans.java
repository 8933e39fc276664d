package io.m365vault.backup;

import io.m365vault.repo.CatalogEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Closes the children of containers a run closed (a deleted folder's messages, a deleted
 * calendar's events and their attachments, a deleted contact folder's contacts), however deep,
 * and drops the closed containers' own state rows and failed items. It reads the workload's current view once,
 * and only in a run that closed a container.
 */
final class Orphans {
    private Orphans() {
    }

    static void close(SyncContext ctx, WorkloadSync sync) {
        if (ctx.closed().isEmpty()) {
            return;
        }
        ctx.session().commit();
        Map<String, List<CatalogEntry>> children = new HashMap<>();
        ctx.repo().catalog().at(ctx.partition(), ctx.runTime(), e -> {
            if (e.parent() != null) {
                children.computeIfAbsent(e.parent(), k -> new ArrayList<>()).add(e);
            }
        });
        Set<String> done = new HashSet<>();
        List<String> todo = new ArrayList<>(ctx.closed());
        while (!todo.isEmpty()) {
            String container = todo.remove(todo.size() - 1);
            if (!done.add(container)) {
                continue;
            }
            for (CatalogEntry child : children.getOrDefault(container, List.of())) {
                ctx.session().record(child.closedAt(ctx.runTime()));
                ctx.stats().removed.incrementAndGet();
                todo.add(child.itemId());
            }
        }
        for (String container : done) {
            for (String key : sync.stateKeysOf(container)) {
                // Its failed items are gone with it.
                ctx.failed().of(key).forEach(r -> ctx.failed().cleared(ctx.session(), key, r.itemId()));
            }
        }
        ctx.session().commit();
        for (String container : done) {
            for (String key : sync.stateKeysOf(container)) {
                ctx.repo().state().delete(ctx.stateScope(), key);
            }
        }
    }
}
