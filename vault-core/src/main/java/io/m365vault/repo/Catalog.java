package io.m365vault.repo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The catalog: a row per item version, keyed by partition (protected item + workload), item id
 * and validFrom. A point in time is every row valid then. {@link TableCatalog} keeps it in Table
 * Storage, {@link MemoryCatalog} in memory for fast tests.
 */
public interface Catalog {
    /** Upserts the rows; a row whose validTo equals its validFrom is an empty version and is deleted instead. */
    void put(List<CatalogEntry> entries);

    /** The newest version of each item that has one (open or closed). */
    Map<String, CatalogEntry> latest(String partition, Collection<String> itemIds);

    /** True when the partition has no row at all: the item's first backup of the workload has not yet committed any. */
    boolean empty(String partition);

    /** Every stored version of one item, newest first. */
    List<CatalogEntry> versions(String partition, String itemId);

    /** The point-in-time view of one kind of item (all kinds when {@code kind} is null). */
    void at(String partition, Instant t, String kind, Consumer<CatalogEntry> action);

    /**
     * The content reference of every row (for verify, prune and figures), with the reference of its
     * metadata's chunks or null; a row that does not open (altered, moved) goes to
     * {@code unreadable} with why, and the rest go on.
     */
    void forEachContent(java.util.function.BiConsumer<ContentRef, ContentRef> action, Consumer<String> unreadable);

    /**
     * Every row, item by item with an item's versions newest first (retention and garbage
     * collection); a row that does not open goes to {@code unreadable} with why.
     */
    void forEachVersion(Consumer<StoredVersion> action, Consumer<String> unreadable);

    /**
     * Deletes these rows, each only if it is still as it was read ({@link StoredVersion#tag});
     * returns how many were deleted (a row rewritten since, or already gone, is left and not counted).
     */
    int drop(List<StoredVersion> rows);

    /** The version of the item that has no end yet, if any. */
    default Optional<CatalogEntry> current(String partition, String itemId) {
        return versions(partition, itemId).stream().filter(e -> e.validTo() == null).findFirst();
    }

    /** The point-in-time view: every item version valid at {@code t}. */
    default void at(String partition, Instant t, Consumer<CatalogEntry> action) {
        at(partition, t, null, action);
    }

    default List<CatalogEntry> at(String partition, Instant t) {
        List<CatalogEntry> out = new ArrayList<>();
        at(partition, t, out::add);
        return out;
    }
}
