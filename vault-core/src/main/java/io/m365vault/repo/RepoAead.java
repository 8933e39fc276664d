package io.m365vault.repo;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * The repository's AEAD over a keyset of an AES-256-GCM and a ChaCha20-Poly1305 key: seals with
 * whichever this JVM runs faster (AES-GCM under C2 or from the native provider, the JDK's
 * ChaCha20-Poly1305 under C1 only without it) and opens either, picked by the key's output
 * prefix. Both run on JCE ciphers between the caller's arrays ({@link JceAead}); key types it
 * does not handle go through Tink's own primitive.
 */
final class RepoAead implements MessageAead {
    private final JceAead jce;
    private final Aead tink;
    private final int overhead;

    /** Seals with AES-GCM when {@code preferAesGcm} ({@link RepoKeys#prefersAesGcm}), computed by {@code crypto}. */
    RepoAead(KeysetHandle keys, boolean preferAesGcm, CryptoProvider crypto) throws GeneralSecurityException {
        this.jce = JceAead.forKeyset(keys, preferAesGcm, crypto);
        this.tink = keys.getPrimitive(RegistryConfiguration.get(), Aead.class);
        this.overhead = jce != null ? jce.overhead() : tink.encrypt(new byte[0], new byte[0]).length;
    }

    @Override
    public int overhead() {
        return overhead;
    }

    @Override
    public void seal(byte[] in, int off, int len, byte[] aad, byte[] out, int outOff) throws GeneralSecurityException {
        if (jce != null) {
            jce.seal(in, off, len, aad, out, outOff);
        } else {
            byte[] sealed = tink.encrypt(Arrays.copyOfRange(in, off, off + len), aad);
            System.arraycopy(sealed, 0, out, outOff, sealed.length);
        }
    }

    @Override
    public byte[] open(byte[] in, int off, int len, byte[] aad) throws GeneralSecurityException {
        int n = jce != null ? jce.plainLength(in, off, len) : -1;
        if (n >= 0) {
            byte[] out = new byte[n];
            if (openJce(in, off, len, aad, out, 0)) {
                return out;
            }
        }
        return tink.decrypt(Arrays.copyOfRange(in, off, off + len), aad);
    }

    @Override
    public int open(byte[] in, int off, int len, byte[] aad, byte[] out, int outOff) throws GeneralSecurityException {
        int n = jce != null ? jce.plainLength(in, off, len) : -1;
        if (n >= 0 && openJce(in, off, len, aad, out, outOff)) {
            return n;
        }
        byte[] plain = tink.decrypt(Arrays.copyOfRange(in, off, off + len), aad);
        System.arraycopy(plain, 0, out, outOff, plain.length);
        return plain.length;
    }

    /** False when none of the JDK-handled keys opens it: a key only Tink handles may. */
    private boolean openJce(byte[] in, int off, int len, byte[] aad, byte[] out, int outOff) {
        try {
            jce.open(in, off, len, aad, out, outOff);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
