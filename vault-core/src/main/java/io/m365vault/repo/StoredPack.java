package io.m365vault.repo;

import java.time.Instant;

/**
 * A pack as its store lists it: id, size, when it was written and its access tier ({@code Hot},
 * {@code Cool}, {@code Cold}, {@code Archive}); time and tier are null where the store cannot say.
 */
public record StoredPack(String id, long size, Instant lastModified, String tier) {
}
