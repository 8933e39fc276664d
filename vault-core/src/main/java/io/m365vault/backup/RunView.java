package io.m365vault.backup;

import io.m365vault.repo.Catalog;
import io.m365vault.repo.CatalogEntry;
import io.m365vault.repo.WriterSession;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The newest version of items as this run sees them: the session's rows not yet committed over
 * the catalog's. Items repeat within a delta round and may be removed on a later page before
 * anything is committed; deciding against the catalog alone would leave ghost versions open.
 *
 * <p>One per workload run, made before anything is committed. When the partition was empty then
 * (the item's first backup of the workload), the only rows it can hold are this run's, and every
 * row this run writes is of an item asked about here first: an id never asked about is looked up
 * nowhere, so a first backup costs no catalog query per item.
 */
public final class RunView {
    private final Catalog catalog;
    private final WriterSession session;
    private final String partition;
    /** The ids asked about so far, kept only while the partition began empty (null otherwise). */
    private final SeenHashes asked;

    RunView(Catalog catalog, WriterSession session, String partition) {
        this.catalog = catalog;
        this.session = session;
        this.partition = partition;
        this.asked = catalog.empty(partition) ? new SeenHashes() : null;
    }

    Map<String, CatalogEntry> latest(Collection<String> ids) {
        List<String> lookup = new ArrayList<>(ids.size());
        for (String id : ids) {
            if (asked == null || !asked.add(id)) {
                lookup.add(id);
            }
        }
        Map<String, CatalogEntry> committed = lookup.isEmpty() ? Map.of() : catalog.latest(partition, lookup);
        Map<String, CatalogEntry> out = new HashMap<>();
        for (String id : ids) {
            List<CatalogEntry> pending = session.pending(partition, id);
            CatalogEntry c = committed.get(id);
            Set<Long> takenBack = new HashSet<>();
            CatalogEntry newest = null;
            for (CatalogEntry p : pending) {
                if (p.empty()) {
                    takenBack.add(p.validFrom().toEpochMilli());
                } else if (newest == null) {
                    newest = p;
                }
            }
            if (c != null && takenBack.contains(c.validFrom().toEpochMilli())) {
                // The committed newest was taken back by this run: the version before it stands.
                c = catalog.versions(partition, id).stream().filter(v -> !takenBack.contains(v.validFrom().toEpochMilli()))
                        .findFirst().orElse(null);
            }
            if (newest == null || (c != null && c.validFrom().isAfter(newest.validFrom()))) {
                newest = c;
            }
            if (newest != null) {
                out.put(id, newest);
            }
        }
        return out;
    }
}
