package io.m365vault.repo;

import java.security.GeneralSecurityException;

/** Seals and opens single messages between the caller's arrays: {@link JceAead}, or {@link RepoAead} with Tink beside it. */
interface MessageAead {
    /** Bytes a sealed message has beyond its plaintext. */
    int overhead();

    /** Seals {@code in[off, off+len)} into {@code out} at {@code outOff}: {@code len + overhead()} bytes. */
    void seal(byte[] in, int off, int len, byte[] aad, byte[] out, int outOff) throws GeneralSecurityException;

    /** The plaintext of {@code in[off, off+len)}. */
    byte[] open(byte[] in, int off, int len, byte[] aad) throws GeneralSecurityException;

    /** Opens {@code in[off, off+len)} into {@code out} at {@code outOff}; returns the plaintext's length. */
    int open(byte[] in, int off, int len, byte[] aad, byte[] out, int outOff) throws GeneralSecurityException;
}
