package io.m365vault.repo;

import java.time.Instant;

/**
 * One version of one item: valid from {@code validFrom} until {@code validTo} (null while it is
 * the current version). {@code partition} is the protected item and workload, e.g.
 * {@code user:<id>:mail}; {@code metadata} is plaintext here and sealed in the table. Metadata
 * too large for a table row (an event series with its exceptions can pass 1 MiB) is stored as
 * chunks, which {@code metadataRef} names; {@code metadata} is still the bytes themselves.
 */
public record CatalogEntry(String partition, String itemId, Instant validFrom, Instant validTo,
                           String kind, String parent, long size, ContentRef content, byte[] metadata, ContentRef metadataRef) {

    public CatalogEntry(String partition, String itemId, Instant validFrom, Instant validTo,
                        String kind, String parent, long size, ContentRef content, byte[] metadata) {
        this(partition, itemId, validFrom, validTo, kind, parent, size, content, metadata, null);
    }

    public boolean validAt(Instant t) {
        return !validFrom.isAfter(t) && (validTo == null || validTo.isAfter(t));
    }

    /** Valid at no time: a version opened and closed by the same run, which is no version at all. */
    public boolean empty() {
        return validTo != null && !validTo.isAfter(validFrom);
    }

    public CatalogEntry closedAt(Instant t) {
        return new CatalogEntry(partition, itemId, validFrom, t, kind, parent, size, content, metadata, metadataRef);
    }

    /** The same version with its metadata kept as the chunks {@code ref} names. */
    public CatalogEntry withMetadataRef(ContentRef ref) {
        return new CatalogEntry(partition, itemId, validFrom, validTo, kind, parent, size, content, metadata, ref);
    }
}
