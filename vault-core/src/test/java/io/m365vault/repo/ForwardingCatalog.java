package io.m365vault.repo;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** A catalog that hands every call to another: tests override the calls they observe or alter. */
public abstract class ForwardingCatalog implements Catalog {
    private final Catalog to;

    protected ForwardingCatalog(Catalog to) {
        this.to = to;
    }

    @Override
    public void put(List<CatalogEntry> entries) {
        to.put(entries);
    }

    @Override
    public Map<String, CatalogEntry> latest(String partition, Collection<String> itemIds) {
        return to.latest(partition, itemIds);
    }

    @Override
    public boolean empty(String partition) {
        return to.empty(partition);
    }

    @Override
    public List<CatalogEntry> versions(String partition, String itemId) {
        return to.versions(partition, itemId);
    }

    @Override
    public void at(String partition, Instant t, String kind, Consumer<CatalogEntry> action) {
        to.at(partition, t, kind, action);
    }

    @Override
    public void forEachContent(BiConsumer<ContentRef, ContentRef> action, Consumer<String> unreadable) {
        to.forEachContent(action, unreadable);
    }

    @Override
    public void forEachVersion(Consumer<StoredVersion> action, Consumer<String> unreadable) {
        to.forEachVersion(action, unreadable);
    }

    @Override
    public int drop(List<StoredVersion> rows) {
        return to.drop(rows);
    }
}
