package io.m365vault.repo;

import java.time.Instant;

/** A pack the store may not delete yet: under a version-level immutability policy until {@code until} (null: a legal hold). */
public final class PackImmutableException extends RepositoryException {
    private final Instant until;

    public PackImmutableException(String packId, Instant until) {
        super("pack " + packId + (until == null ? " is under a legal hold" : " is immutable until " + until) + ": left in place");
        this.until = until;
    }

    public Instant until() {
        return until;
    }
}
