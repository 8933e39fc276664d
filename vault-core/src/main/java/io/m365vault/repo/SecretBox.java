package io.m365vault.repo;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM under a KEK-derived key, with a key check value in front: a wrong key is told
 * from altered bytes by the check, not by a failed tag. The check is an HMAC of a constant, so it
 * says nothing about the key beyond what the tag would.
 *
 * <p>Layout: check (16) | nonce (12) | ciphertext and tag.
 */
final class SecretBox {
    static final int KEY_SIZE = 32;
    private static final int CHECK_SIZE = 16;
    private static final int NONCE_SIZE = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] CHECK_LABEL = "m365vault key check v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretBox() {}

    static byte[] check(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(CHECK_LABEL), CHECK_SIZE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    static byte[] seal(byte[] key, byte[] plain) {
        byte[] nonce = new byte[NONCE_SIZE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, key, nonce);
            return new KeyBlobFields.Writer().raw(check(key)).raw(nonce).raw(c.doFinal(plain)).toBytes();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is missing from this JVM", e);
        }
    }

    /**
     * @throws KekMismatchException when {@code key} is not the key that sealed {@code boxed}
     * @throws CorruptKeysException when it is, but the bytes were altered or cut short
     */
    static byte[] open(byte[] key, byte[] boxed) {
        KeyBlobFields.Reader r = new KeyBlobFields.Reader(boxed);
        if (!MessageDigest.isEqual(r.raw(CHECK_SIZE), check(key))) {
            throw new KekMismatchException("its key check value does not match");
        }
        byte[] nonce = r.raw(NONCE_SIZE);
        byte[] sealed = r.raw(r.remaining());
        try {
            return cipher(Cipher.DECRYPT_MODE, key, nonce).doFinal(sealed);
        } catch (AEADBadTagException e) {
            throw new CorruptKeysException("the sealed keyset fails its integrity check", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is missing from this JVM", e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        return c;
    }
}
