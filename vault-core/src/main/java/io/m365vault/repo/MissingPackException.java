package io.m365vault.repo;

/** The index names a pack that the store does not have. */
public final class MissingPackException extends RepositoryException {
    public MissingPackException(String packId) {
        super("pack " + packId + " is missing from the repository");
    }
}
