package io.m365vault.repo;

import java.time.Instant;

/** A pack as its store lists it: id, size, and when it was written (null where the store cannot say). */
public record StoredPack(String id, long size, Instant lastModified) {
}
