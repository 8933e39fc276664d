package io.m365vault.repo;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.aead.ChaCha20Poly1305Key;
import com.google.crypto.tink.aead.ChaCha20Poly1305Parameters;
import com.google.crypto.tink.subtle.Random;
import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tink's AEAD wire format (output prefix | 12-byte nonce | ciphertext | 16-byte tag) for its
 * CHACHA20_POLY1305 and AES-GCM keys, computed by JCE ciphers (the JDK's, or the native
 * provider's AES-GCM: {@link CryptoProvider}) straight between the caller's arrays. Ciphertexts are interchangeable with Tink's own primitives (see the test).
 *
 * <p>Why not Tink's primitives: they take and return whole arrays, so every 256 KiB segment of a
 * chunk cost a slice copy, an output array and a copy into the record; and for ChaCha20-Poly1305
 * Tink uses the JCE cipher only when it may be re-initialised with the same key and nonce, which
 * the JDK 17 cipher refuses, so it falls back to a pure-Java ChaCha20 measured 5x slower under C1
 * and 2x under C2 (bench/). Here each thread keeps one Cipher per algorithm for sealing, each
 * seal with a fresh random nonce.
 */
final class JceAead implements MessageAead {
    static final int NONCE_SIZE = 12;
    static final int TAG_SIZE = 16;

    private enum Algorithm {
        CHACHA20_POLY1305("ChaCha20-Poly1305"),
        AES_GCM("AES/GCM/NoPadding");

        final String transformation;

        Algorithm(String transformation) {
            this.transformation = transformation;
        }

        /**
         * The JDK's ChaCha20 refuses an init with the key and nonce of the previous one, even to
         * decrypt (opening what this thread just sealed, or the same message twice): it opens
         * with a fresh cipher. AES-GCM only refuses that when encrypting.
         */
        Cipher forOpening(CryptoProvider crypto) throws GeneralSecurityException {
            return this == CHACHA20_POLY1305 ? crypto.newCipher(transformation) : crypto.threadCipher(transformation);
        }

        AlgorithmParameterSpec nonce(byte[] buf, int off) {
            return this == AES_GCM ? new GCMParameterSpec(TAG_SIZE * 8, buf, off, NONCE_SIZE) : new IvParameterSpec(buf, off, NONCE_SIZE);
        }
    }

    private record Entry(byte[] prefix, SecretKeySpec key, Algorithm algorithm) {
        Entry derive(CryptoProvider crypto, byte[] salt, byte[] info) {
            byte[] base = key.getEncoded();
            byte[] derived = Hkdf.derive(crypto, base, salt, info, base.length);
            Arrays.fill(base, (byte) 0);
            return new Entry(prefix, new SecretKeySpec(derived, key.getAlgorithm()), algorithm);
        }
    }

    private final CryptoProvider crypto;
    private final Entry sealer;
    private final List<Entry> all;

    private JceAead(CryptoProvider crypto, Entry sealer, List<Entry> all) {
        this.crypto = crypto;
        this.sealer = sealer;
        this.all = all;
    }

    /**
     * The keyset's ChaCha20-Poly1305 and AES-GCM (12-byte nonce, 16-byte tag) keys with a Tink
     * or no output prefix; other keys (and CRUNCHY ones, whose format differs) are left to Tink. It seals with an AES-GCM key when {@code
     * preferAesGcm} and the keyset has one, otherwise with a ChaCha20-Poly1305 key, the primary
     * first among keys of a type. Null when the keyset has none it handles. {@code crypto} computes
     * AES-GCM and the key derivations; every provider makes and opens the same bytes.
     */
    static JceAead forKeyset(KeysetHandle handle, boolean preferAesGcm, CryptoProvider crypto) {
        List<Entry> all = new ArrayList<>();
        Entry aes = null;
        Entry chacha = null;
        for (int i = 0; i < handle.size(); i++) {
            KeysetHandle.Entry e = handle.getAt(i);
            Entry entry = entry(e.getKey());
            if (entry == null) {
                continue;
            }
            all.add(entry);
            if (entry.algorithm == Algorithm.AES_GCM && (aes == null || e.isPrimary())) {
                aes = entry;
            } else if (entry.algorithm == Algorithm.CHACHA20_POLY1305 && (chacha == null || e.isPrimary())) {
                chacha = entry;
            }
        }
        Entry sealer = preferAesGcm && aes != null ? aes : chacha != null ? chacha : aes;
        return sealer == null ? null : new JceAead(crypto, sealer, List.copyOf(all));
    }

    private static Entry entry(com.google.crypto.tink.Key key) {
        if (key instanceof ChaCha20Poly1305Key k && (k.getParameters().getVariant() == ChaCha20Poly1305Parameters.Variant.TINK
                || k.getParameters().getVariant() == ChaCha20Poly1305Parameters.Variant.NO_PREFIX)) {
            return new Entry(k.getOutputPrefix().toByteArray(),
                    new SecretKeySpec(k.getKeyBytes().toByteArray(InsecureSecretKeyAccess.get()), "ChaCha20"),
                    Algorithm.CHACHA20_POLY1305);
        }
        if (key instanceof AesGcmKey k) {
            AesGcmParameters p = k.getParameters();
            if (p.getIvSizeBytes() == NONCE_SIZE && p.getTagSizeBytes() == TAG_SIZE
                    && (p.getVariant() == AesGcmParameters.Variant.TINK || p.getVariant() == AesGcmParameters.Variant.NO_PREFIX)) {
                return new Entry(k.getOutputPrefix().toByteArray(),
                        new SecretKeySpec(k.getKeyBytes().toByteArray(InsecureSecretKeyAccess.get()), "AES"),
                        Algorithm.AES_GCM);
            }
        }
        return null;
    }

    /**
     * These keys, each replaced by HKDF-SHA256 of its bytes with {@code salt} and {@code info}:
     * the same algorithms and output prefixes, so a message still names the keyset key its key
     * came from, and whoever derives with the same salt and info opens it.
     */
    JceAead derive(byte[] salt, byte[] info) {
        return derive(crypto, sealer, all, salt, info);
    }

    /**
     * {@link #derive} of the sealing key alone, for what this JVM seals (a run of chunk records,
     * a pack header): each derivation is two HMACs, about 6 us under C1.
     */
    JceAead deriveForSealing(byte[] salt, byte[] info) {
        return derive(crypto, sealer, List.of(sealer), salt, info);
    }

    /** {@link #derive} of the keys whose output prefix {@code in} starts with: those {@link #open} would try. */
    JceAead deriveForOpening(byte[] salt, byte[] info, byte[] in, int off, int len) {
        List<Entry> named = new ArrayList<>(1);
        for (Entry e : all) {
            int p = e.prefix.length;
            if (len >= p && Arrays.equals(in, off, off + p, e.prefix, 0, p)) {
                named.add(e);
            }
        }
        // None: no key opens it; the sealing key's derivation refuses it as any other would.
        return named.isEmpty() ? deriveForSealing(salt, info) : derive(crypto, named.get(0), named, salt, info);
    }

    private static JceAead derive(CryptoProvider crypto, Entry sealer, List<Entry> entries, byte[] salt, byte[] info) {
        List<Entry> derived = new ArrayList<>(entries.size());
        Entry derivedSealer = null;
        for (Entry e : entries) {
            Entry d = e.derive(crypto, salt, info);
            derived.add(d);
            if (e == sealer) {
                derivedSealer = d;
            }
        }
        return new JceAead(crypto, derivedSealer, List.copyOf(derived));
    }

    @Override
    public int overhead() {
        return sealer.prefix.length + NONCE_SIZE + TAG_SIZE;
    }

    /** True when {@code ciphertext} starts with the output prefix of one of these keys. */
    boolean recognises(byte[] ciphertext, int off, int len) {
        for (Entry e : all) {
            int p = e.prefix.length;
            if (p > 0 && len >= p && Arrays.equals(ciphertext, off, off + p, e.prefix, 0, p)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void seal(byte[] in, int off, int len, byte[] aad, byte[] out, int outOff) throws GeneralSecurityException {
        byte[] prefix = sealer.prefix;
        System.arraycopy(prefix, 0, out, outOff, prefix.length);
        int nonceAt = outOff + prefix.length;
        System.arraycopy(Random.randBytes(NONCE_SIZE), 0, out, nonceAt, NONCE_SIZE);
        Cipher c = crypto.threadCipher(sealer.algorithm.transformation);
        c.init(Cipher.ENCRYPT_MODE, sealer.key, sealer.algorithm.nonce(out, nonceAt));
        if (aad != null) {
            c.updateAAD(aad);
        }
        // Fed in pieces so that the JDK's AES-GCM reaches its intrinsics soon (CryptoProvider#piece).
        int piece = crypto.piece();
        int o = nonceAt + NONCE_SIZE;
        int p = 0;
        for (; len - p > piece; p += piece) {
            o += c.update(in, off + p, piece, out, o);
        }
        c.doFinal(in, off + p, len - p, out, o);
    }

    @Override
    public byte[] open(byte[] in, int off, int len, byte[] aad) throws GeneralSecurityException {
        int n = plainLength(in, off, len);
        if (n < 0) {
            throw new GeneralSecurityException("not sealed by these keys (too short, or another key's prefix)");
        }
        byte[] plain = new byte[n];
        open(in, off, len, aad, plain, 0);
        return plain;
    }

    /**
     * Opens {@code in[off, off+len)} into {@code out} at {@code outOff} and returns the plaintext's
     * length ({@code len} less the overhead of the key that sealed it).
     */
    @Override
    public int open(byte[] in, int off, int len, byte[] aad, byte[] out, int outOff) throws GeneralSecurityException {
        for (Entry e : all) {
            int p = e.prefix.length;
            if (len >= p + NONCE_SIZE + TAG_SIZE && Arrays.equals(in, off, off + p, e.prefix, 0, p)) {
                Cipher c = e.algorithm.forOpening(crypto);
                c.init(Cipher.DECRYPT_MODE, e.key, e.algorithm.nonce(in, off + p));
                if (aad != null) {
                    c.updateAAD(aad);
                }
                try {
                    return c.doFinal(in, off + p + NONCE_SIZE, len - p - NONCE_SIZE, out, outOff);
                } catch (AEADBadTagException bad) {
                    // another key may share this prefix (a NO_PREFIX key has none): try the rest
                }
            }
        }
        throw new GeneralSecurityException("decryption failed: altered, wrong associated data, or another key");
    }

    /** The plaintext length of a message of {@code len} bytes sealed by one of these keys, or -1. */
    int plainLength(byte[] in, int off, int len) {
        for (Entry e : all) {
            int p = e.prefix.length;
            if (len >= p + NONCE_SIZE + TAG_SIZE && Arrays.equals(in, off, off + p, e.prefix, 0, p)) {
                return len - p - NONCE_SIZE - TAG_SIZE;
            }
        }
        return -1;
    }
}
