package io.m365vault.repo;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF-SHA256 (RFC 5869) for keys of up to 32 bytes, one HMAC block: every key derived here is
 * an AES or ChaCha20 key. Each thread keeps its Mac ({@link CryptoProvider#hkdfMac}): keys are
 * derived often, and {@code Mac.getInstance} per call (as Tink's {@code Hkdf} does) costs more
 * than the HMACs.
 */
final class Hkdf {
    static final int MAX_LENGTH = 32;

    private Hkdf() {
    }

    /**
     * {@code length} bytes of HKDF-SHA256 of {@code ikm}, computed by {@code crypto} (the same
     * bytes from any provider); an empty salt stands for RFC 5869's default.
     */
    static byte[] derive(CryptoProvider crypto, byte[] ikm, byte[] salt, byte[] info, int length) {
        if (length < 1 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("derives 1 to " + MAX_LENGTH + " bytes, not " + length);
        }
        Mac mac = crypto.hkdfMac();
        try {
            // An empty HMAC key is refused by SecretKeySpec; RFC 5869's default salt is 32 zeros, the same HMAC key.
            mac.init(new SecretKeySpec(salt.length == 0 ? new byte[32] : salt, "HmacSHA256"));
            byte[] prk = mac.doFinal(ikm);
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            mac.update(info);
            mac.update((byte) 1);
            byte[] okm = mac.doFinal();
            Arrays.fill(prk, (byte) 0);
            return length == okm.length ? okm : Arrays.copyOf(okm, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 refused a key: " + e.getMessage(), e);
        }
    }
}
