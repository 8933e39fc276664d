package io.m365vault.repo;

import java.security.GeneralSecurityException;

/**
 * An AEAD key, in Tink's wire format: one derived from the repository's keyset for one use (a
 * chunk record, a pack header, a catalog partition; see {@link RepoKeys#sealerFor}), so that no
 * key seals more than that use does, computed by the JDK's ciphers ({@link JceAead}); or the
 * keyset's own, for what has not moved to derived keys yet ({@link RepoKeys#seal}). Thread-safe.
 */
public final class Sealer {
    private final MessageAead aead;

    Sealer(MessageAead aead) {
        this.aead = aead;
    }

    /** Bytes a sealed message has beyond its plaintext. */
    public int overhead() {
        return aead.overhead();
    }

    /** Encrypts and authenticates; {@code aad} is bound to the result but not stored in it. */
    public byte[] seal(byte[] plain, int off, int len, byte[] aad) {
        byte[] out = new byte[len + overhead()];
        seal(plain, off, len, aad, out, 0);
        return out;
    }

    /** {@link #seal} into {@code out} at {@code outOff}: writes {@code len + overhead()} bytes. */
    public void seal(byte[] plain, int off, int len, byte[] aad, byte[] out, int outOff) {
        try {
            aead.seal(plain, off, len, aad, out, outOff);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AEAD encryption failed: " + e.getMessage(), e);
        }
    }

    /** @throws GeneralSecurityException when the bytes were altered, {@code aad} differs or another key sealed them */
    public byte[] open(byte[] sealed, int off, int len, byte[] aad) throws GeneralSecurityException {
        return aead.open(sealed, off, len, aad);
    }

    /** {@link #open} into {@code out} at {@code outOff}; returns the plaintext's length. */
    public int open(byte[] sealed, int off, int len, byte[] aad, byte[] out, int outOff) throws GeneralSecurityException {
        return aead.open(sealed, off, len, aad, out, outOff);
    }
}
