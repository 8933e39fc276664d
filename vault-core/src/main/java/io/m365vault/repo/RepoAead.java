package io.m365vault.repo;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AesGcmKey;
import java.security.GeneralSecurityException;

/**
 * The repository's AEAD over a keyset of an AES-256-GCM and a ChaCha20-Poly1305 key: seals with
 * whichever this JVM runs faster (AES-GCM under C2, ChaCha20-Poly1305 under C1 only) and opens
 * either, picked by the key's output prefix. Keysets of one key type use that type throughout.
 */
final class RepoAead implements Aead {
    private final JceChaCha20Poly1305 chacha;
    private final Aead tink;
    private final Aead sealer;

    RepoAead(KeysetHandle keys, boolean c2) throws GeneralSecurityException {
        this.chacha = JceChaCha20Poly1305.forKeyset(keys);
        KeysetHandle aes = aesPrimary(keys);
        this.tink = (aes != null ? aes : keys).getPrimitive(RegistryConfiguration.get(), Aead.class);
        this.sealer = chacha != null && (aes == null || !c2) ? chacha : tink;
    }

    @Override
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
        return sealer.encrypt(plaintext, associatedData);
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
        return chacha != null && chacha.recognises(ciphertext)
                ? chacha.decrypt(ciphertext, associatedData)
                : tink.decrypt(ciphertext, associatedData);
    }

    /** The same keyset with its AES-GCM key as primary; null when it has none. */
    private static KeysetHandle aesPrimary(KeysetHandle keys) throws GeneralSecurityException {
        for (int i = 0; i < keys.size(); i++) {
            if (keys.getAt(i).getKey() instanceof AesGcmKey) {
                if (keys.getAt(i).isPrimary()) {
                    return keys;
                }
                KeysetHandle.Builder b = KeysetHandle.newBuilder(keys);
                b.getAt(i).makePrimary();
                return b.build();
            }
        }
        return null;
    }
}
