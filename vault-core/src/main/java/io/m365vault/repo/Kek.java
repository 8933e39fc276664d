package io.m365vault.repo;

/**
 * A key-encryption key: seals the repository's data keys at rest. One per repository, chosen by
 * the {@code VAULT_KEK} setting ({@link Keks#fromSpec}). Wrapped bytes carry whatever the kind
 * needs to unwrap them again (salt, KDF cost, Key Vault key id), never a secret in clear.
 */
public interface Kek {
    /** The kind as written in {@code VAULT_KEK}: {@code file}, {@code passphrase-env} or {@code keyvault}. */
    String kind();

    byte[] wrap(byte[] plain);

    /**
     * @throws KekMismatchException when another key wrapped these bytes
     * @throws CorruptKeysException when this key did, but the bytes were altered or cut short
     */
    byte[] unwrap(byte[] wrapped);

    /**
     * Which key, version or parameters wrapped these bytes, for messages: reads the clear part
     * only, calls no service and shows no secret (e.g. the Key Vault key version).
     */
    String wrappedBy(byte[] wrapped);

    /** Names the key for messages, with no secret in it, e.g. {@code file:/etc/vault.key}. */
    String describe();
}
