package io.m365vault.repo;

import com.azure.core.exception.HttpResponseException;
import com.azure.security.keyvault.keys.cryptography.CryptographyClient;
import com.azure.security.keyvault.keys.cryptography.models.KeyWrapAlgorithm;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * A KEK held in Azure Key Vault. RSA can wrap only a few hundred bytes, so this is an envelope:
 * a fresh AES-256 key seals the payload and Key Vault wraps that key (RSA-OAEP-256 by default).
 * The key never leaves the vault; every wrap and unwrap is a Key Vault call.
 *
 * <p>Layout: key id that wrapped (text) | algorithm (text) | wrapped AES key | {@link SecretBox}.
 */
public final class KeyVaultKek implements Kek {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String keyId;
    private final CryptographyClient client;
    private final KeyWrapAlgorithm algorithm;

    /** @param keyId the key identifier URL as configured, with or without a version */
    public KeyVaultKek(String keyId, CryptographyClient client) {
        this(keyId, client, KeyWrapAlgorithm.RSA_OAEP_256);
    }

    /**
     * With another wrap algorithm: the SDK's local (in-process) RSA client offers RSA-OAEP but not
     * RSA-OAEP-256, so tests that run the SDK without Azure use this.
     */
    public KeyVaultKek(String keyId, CryptographyClient client, KeyWrapAlgorithm algorithm) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.client = Objects.requireNonNull(client, "client");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    }

    @Override
    public String kind() {
        return "keyvault";
    }

    @Override
    public byte[] wrap(byte[] plain) {
        byte[] dataKey = new byte[SecretBox.KEY_SIZE];
        RANDOM.nextBytes(dataKey);
        var wrapped = client.wrapKey(algorithm, dataKey);
        // Key Vault answers with the versioned id; recording it lets unwrap say which key is needed.
        String usedId = wrapped.getKeyId() != null ? wrapped.getKeyId() : keyId;
        return new KeyBlobFields.Writer().text(usedId).text(algorithm.toString())
                .bytes(wrapped.getEncryptedKey()).raw(SecretBox.seal(dataKey, plain)).toBytes();
    }

    @Override
    public byte[] unwrap(byte[] wrapped) {
        KeyBlobFields.Reader r = new KeyBlobFields.Reader(wrapped);
        String usedId = r.text();
        KeyWrapAlgorithm alg = KeyWrapAlgorithm.fromString(r.text());
        byte[] wrappedKey = r.bytes();
        byte[] box = r.raw(r.remaining());
        if (!sameKey(usedId)) {
            throw new KekMismatchException("they were sealed under Key Vault key " + usedId);
        }
        byte[] dataKey;
        try {
            dataKey = client.unwrapKey(alg, wrappedKey).getKey();
        } catch (HttpResponseException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
            if (status == 400) {
                throw new CorruptKeysException("Key Vault key " + usedId + " refuses to unwrap its data key", e);
            }
            throw e; // access, throttling, network: not a statement about the blob
        } catch (RuntimeException e) {
            if (e.getCause() instanceof java.security.GeneralSecurityException) {
                throw new CorruptKeysException("Key Vault key " + usedId + " cannot unwrap its data key", e);
            }
            throw e;
        }
        try {
            return SecretBox.open(dataKey, box);
        } catch (KekMismatchException e) {
            // The vault key did unwrap, so a wrong data key means altered bytes, not a wrong KEK.
            throw new CorruptKeysException("the data key does not match its sealed keyset");
        }
    }

    /** The configured id names the key that wrapped: the same id, or its versionless form. */
    private boolean sameKey(String usedId) {
        String configured = strip(keyId);
        String used = strip(usedId);
        return used.equals(configured) || used.startsWith(configured + "/");
    }

    private static String strip(String id) {
        return id.endsWith("/") ? id.substring(0, id.length() - 1) : id;
    }

    @Override
    public String describe() {
        return "keyvault:" + keyId;
    }
}
