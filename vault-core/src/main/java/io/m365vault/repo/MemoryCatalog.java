package io.m365vault.repo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/** A catalog in memory, for fast tests of what writes and reads it; the same rules as {@link TableCatalog}. */
public final class MemoryCatalog implements Catalog {
    /** partition -> item id -> validFrom -> row. */
    private final Map<String, NavigableMap<String, NavigableMap<Instant, CatalogEntry>>> rows = new HashMap<>();

    @Override
    public synchronized void put(List<CatalogEntry> entries) {
        for (CatalogEntry e : entries) {
            NavigableMap<Instant, CatalogEntry> versions = rows.computeIfAbsent(e.partition(), k -> new TreeMap<>())
                    .computeIfAbsent(e.itemId(), k -> new TreeMap<>(Comparator.reverseOrder()));
            if (e.empty()) {
                versions.remove(e.validFrom());
            } else {
                versions.put(e.validFrom(), e);
            }
        }
    }

    @Override
    public synchronized Map<String, CatalogEntry> latest(String partition, Collection<String> itemIds) {
        Map<String, CatalogEntry> out = new HashMap<>();
        for (String id : itemIds) {
            List<CatalogEntry> v = versions(partition, id);
            if (!v.isEmpty()) {
                out.put(id, v.get(0));
            }
        }
        return out;
    }

    @Override
    public synchronized boolean empty(String partition) {
        return rows.getOrDefault(partition, new TreeMap<>()).values().stream().allMatch(Map::isEmpty);
    }

    @Override
    public synchronized List<CatalogEntry> versions(String partition, String itemId) {
        NavigableMap<Instant, CatalogEntry> v = rows.getOrDefault(partition, new TreeMap<>()).get(itemId);
        return v == null ? List.of() : List.copyOf(v.values());
    }

    @Override
    public void at(String partition, Instant t, String kind, Consumer<CatalogEntry> action) {
        List<CatalogEntry> valid = new ArrayList<>();
        synchronized (this) {
            rows.getOrDefault(partition, new TreeMap<>()).values().forEach(versions -> {
                // As the table does: the newest version that began by t decides.
                CatalogEntry e = versions.tailMap(t, true).isEmpty() ? null : versions.tailMap(t, true).firstEntry().getValue();
                if (e != null && e.validAt(t) && (kind == null || kind.equals(e.kind()))) {
                    valid.add(e);
                }
            });
        }
        valid.forEach(action);
    }

    @Override
    public void forEachVersion(Consumer<StoredVersion> action, Consumer<String> unreadable) {
        List<StoredVersion> all = new ArrayList<>();
        synchronized (this) {
            rows.forEach((partition, items) -> items.forEach((item, versions) -> versions.values().forEach(e ->
                    all.add(new StoredVersion(partition, item, e.validFrom(), e.validTo(), e.kind(), e.content(), e.metadataRef(), e)))));
        }
        all.forEach(action);
    }

    /** The tag is the entry as read: a row replaced since (even by an equal one) is a different object and stays. */
    @Override
    public synchronized int drop(List<StoredVersion> drops) {
        int n = 0;
        for (StoredVersion v : drops) {
            NavigableMap<Instant, CatalogEntry> versions = rows.getOrDefault(v.partition(), new TreeMap<>()).get(v.item());
            if (versions != null && versions.get(v.validFrom()) == v.tag()) {
                versions.remove(v.validFrom());
                n++;
            }
        }
        return n;
    }

    @Override
    public void forEachContent(java.util.function.BiConsumer<ContentRef, ContentRef> action, Consumer<String> unreadable) {
        List<CatalogEntry> all = new ArrayList<>();
        synchronized (this) {
            rows.values().forEach(items -> items.values().forEach(v -> all.addAll(v.values())));
        }
        all.forEach(e -> action.accept(e.content(), e.metadataRef()));
    }
}
