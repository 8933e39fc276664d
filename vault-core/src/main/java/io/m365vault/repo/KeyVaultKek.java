package io.m365vault.repo;

import com.azure.core.exception.HttpResponseException;
import com.azure.security.keyvault.keys.cryptography.CryptographyClient;
import com.azure.security.keyvault.keys.cryptography.models.KeyWrapAlgorithm;
import com.azure.security.keyvault.keys.models.KeyVaultKeyIdentifier;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A KEK held in Azure Key Vault. RSA can wrap only a few hundred bytes, so this is an envelope:
 * a fresh AES-256 key seals the payload and Key Vault wraps that key with RSA-OAEP-256. The key
 * never leaves the vault; every unwrap is a Key Vault call.
 *
 * <p>Versions: each wrap records the versioned id of the key version that wrapped, and unwrap
 * asks that version, so a key rotated in Key Vault keeps opening what its older versions
 * wrapped (until they are disabled). A configured id without a version wraps with the key's
 * newest version, looked up at each wrap; with a version, wraps use that one.
 *
 * <p>Layout: versioned key id (text) | algorithm (text) | wrapped AES key | {@link SecretBox}.
 */
public final class KeyVaultKek implements Kek {
    /**
     * The only algorithm wrapped and unwrapped. The blob names it so that a later format can
     * change it, but what the blob names is not passed on: another name is refused.
     */
    static final KeyWrapAlgorithm ALGORITHM = KeyWrapAlgorithm.RSA_OAEP_256;
    /** Key Vault's versions are 32 hex digits; this only keeps a stored id from steering the request path. */
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyVaultKeyIdentifier configured;
    private final Function<String, CryptographyClient> clients;

    /**
     * @param keyId the key identifier URL as configured, with or without a version
     * @param clients a client for a key id (versioned or not), authenticated as the deployment is
     */
    public KeyVaultKek(String keyId, Function<String, CryptographyClient> clients) {
        this.configured = new KeyVaultKeyIdentifier(Objects.requireNonNull(keyId, "keyId"));
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    @Override
    public String kind() {
        return "keyvault";
    }

    @Override
    public byte[] wrap(byte[] plain) {
        String version = newestVersion();
        byte[] dataKey = new byte[SecretBox.KEY_SIZE];
        RANDOM.nextBytes(dataKey);
        byte[] wrappedKey = clients.apply(version).wrapKey(ALGORITHM, dataKey).getEncryptedKey();
        return new KeyBlobFields.Writer().text(version).text(ALGORITHM.toString())
                .bytes(wrappedKey).raw(SecretBox.seal(dataKey, plain)).toBytes();
    }

    /** The versioned id new wraps use: the configured version, else the key's current one (GET key). */
    private String newestVersion() {
        if (configured.getVersion() != null && !configured.getVersion().isEmpty()) {
            return configured.getSourceId();
        }
        String id = clients.apply(configured.getSourceId()).getKey().getId();
        KeyVaultKeyIdentifier newest = new KeyVaultKeyIdentifier(id);
        if (!sameKey(newest) || newest.getVersion() == null || !VERSION.matcher(newest.getVersion()).matches()) {
            throw new IllegalStateException("Key Vault answered key " + configured.getSourceId() + " with id " + id);
        }
        return id;
    }

    @Override
    public byte[] unwrap(byte[] wrapped) {
        KeyBlobFields.Reader r = new KeyBlobFields.Reader(wrapped);
        KeyVaultKeyIdentifier used = recorded(r.text());
        String alg = r.text();
        byte[] wrappedKey = r.bytes();
        byte[] box = r.raw(r.remaining());
        if (!ALGORITHM.toString().equals(alg)) {
            throw new CorruptKeysException("its data key is wrapped with '" + alg + "'; only " + ALGORITHM + " is unwrapped");
        }
        byte[] dataKey;
        try {
            dataKey = clients.apply(used.getSourceId()).unwrapKey(ALGORITHM, wrappedKey).getKey();
        } catch (HttpResponseException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
            if (status == 400) {
                throw new CorruptKeysException("Key Vault key " + used.getSourceId() + " refuses to unwrap its data key", e);
            }
            if (status == 404) {
                throw new RepositoryException("Key Vault has no key " + used.getSourceId()
                        + ", which wrapped this repository's keys: was that version deleted?", e);
            }
            throw e; // access, throttling, network: not a statement about the blob
        }
        try {
            return SecretBox.open(dataKey, box);
        } catch (KekMismatchException e) {
            // The vault key did unwrap, so a wrong data key means altered bytes, not a wrong KEK.
            throw new CorruptKeysException("the data key does not match its sealed keyset");
        }
    }

    /** The versioned id in a blob, checked before it is used: a version of the configured key. */
    private KeyVaultKeyIdentifier recorded(String id) {
        KeyVaultKeyIdentifier used;
        try {
            used = new KeyVaultKeyIdentifier(id);
        } catch (IllegalArgumentException e) {
            throw new CorruptKeysException("it names '" + id + "', which is not a Key Vault key id");
        }
        if (!sameKey(used)) {
            throw new KekMismatchException("they were sealed under Key Vault key " + id);
        }
        if (used.getVersion() == null || !VERSION.matcher(used.getVersion()).matches()) {
            throw new CorruptKeysException("it names Key Vault key " + id + " without a valid version");
        }
        return used;
    }

    /** Same vault and key name (Key Vault's names are case-insensitive); the version may differ (rotation). */
    private boolean sameKey(KeyVaultKeyIdentifier other) {
        return other.getVaultUrl().equalsIgnoreCase(configured.getVaultUrl()) && other.getName().equalsIgnoreCase(configured.getName());
    }

    @Override
    public String wrappedBy(byte[] wrapped) {
        return "Key Vault key " + new KeyBlobFields.Reader(wrapped).text();
    }

    @Override
    public String describe() {
        return "keyvault:" + configured.getSourceId();
    }
}
