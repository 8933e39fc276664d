package io.m365vault.repo;

import java.time.Instant;

/**
 * One catalog row as retention and garbage collection see it: which item it is a version of
 * (opaque keys: in the table they are keyed HMACs), when it was valid, its kind (which names the
 * workload) and the chunks it references. {@code tag} is the row as read, so that dropping it
 * can be made conditional on nobody having rewritten it since.
 */
public record StoredVersion(String partition, String item, Instant validFrom, Instant validTo, String kind,
                            ContentRef content, ContentRef metadataRef, Object tag) {
    public boolean current() {
        return validTo == null;
    }

    /** Valid at {@code t} (from inclusive, to exclusive), as a point-in-time view counts it. */
    public boolean validAt(Instant t) {
        return !validFrom.isAfter(t) && (validTo == null || validTo.isAfter(t));
    }

    public boolean sameItem(StoredVersion other) {
        return other != null && partition.equals(other.partition) && item.equals(other.item);
    }
}
