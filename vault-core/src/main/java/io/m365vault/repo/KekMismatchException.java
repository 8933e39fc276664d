package io.m365vault.repo;

/**
 * Thrown by {@link Kek#unwrap} when the bytes were wrapped by another key (or another kind of
 * key); {@link RepoKeys#unwrap} turns it into a {@link WrongKeyException} that names the keys.
 */
public final class KekMismatchException extends RuntimeException {
    public KekMismatchException(String reason) {
        super(reason);
    }
}
