package io.m365vault.repo;

import java.time.Instant;

/**
 * One version of one item: valid from {@code validFrom} until {@code validTo} (null while it is
 * the current version). {@code partition} is the protected item and workload, e.g.
 * {@code user:<id>:mail}; {@code metadata} is plaintext here and sealed in the table.
 */
public record CatalogEntry(String partition, String itemId, Instant validFrom, Instant validTo,
                           String kind, String parent, long size, ContentRef content, byte[] metadata) {

    public boolean validAt(Instant t) {
        return !validFrom.isAfter(t) && (validTo == null || validTo.isAfter(t));
    }

    /** Valid at no time: a version opened and closed by the same run, which is no version at all. */
    public boolean empty() {
        return validTo != null && !validTo.isAfter(validFrom);
    }

    public CatalogEntry closedAt(Instant t) {
        return new CatalogEntry(partition, itemId, validFrom, t, kind, parent, size, content, metadata);
    }
}
