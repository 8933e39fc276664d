package io.m365vault.repo;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.security.keyvault.keys.cryptography.CryptographyClientBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Parses the {@code VAULT_KEK} setting into a {@link Kek}. */
public final class Keks {
    private static final String FILE = "file:";
    private static final String KINDS = "expected keyvault:<key id URL>, file:<path> or passphrase-env:<VAR>";

    private Keks() {}

    /**
     * @param spec the value of VAULT_KEK
     * @param env where {@code passphrase-env:<VAR>} looks up VAR (the process environment in use)
     * @throws IllegalArgumentException one line naming VAULT_KEK when the setting cannot be used
     */
    public static Kek fromSpec(String spec, Map<String, String> env) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("VAULT_KEK is not set: " + KINDS);
        }
        int colon = spec.indexOf(':');
        String kind = colon < 0 ? spec : spec.substring(0, colon);
        String arg = colon < 0 ? "" : spec.substring(colon + 1).strip();
        return switch (kind) {
            case "file" -> file(spec);
            case "passphrase-env" -> passphrase(arg, env);
            case "keyvault" -> keyVault(arg);
            default -> throw new IllegalArgumentException("VAULT_KEK has unknown kind '" + kind + "': " + KINDS);
        };
    }

    /**
     * The key file a {@code file:} setting names, {@code ~/} standing for the user's home (a JSON
     * settings file has no shell to expand it); null for another kind or an empty path.
     */
    public static Path keyFile(String spec) {
        String s = spec == null ? "" : spec.strip();
        if (!s.startsWith(FILE)) {
            return null;
        }
        String path = s.substring(FILE.length()).strip();
        if (path.isEmpty()) {
            return null;
        }
        return path.startsWith("~/") ? Path.of(System.getProperty("user.home"), path.substring(2)) : Path.of(path);
    }

    private static Kek file(String spec) {
        Path p = keyFile(spec);
        if (p == null) {
            throw new IllegalArgumentException("VAULT_KEK=file: needs the path of a key file, e.g. file:~/.m365vault/vault.kek");
        }
        String path = p.toString();
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("VAULT_KEK names key file " + path
                    + ", which does not exist: create a key file first (docs/keys.md)");
        }
        try {
            return FileKek.load(p);
        } catch (IOException e) {
            throw new IllegalArgumentException("VAULT_KEK names key file " + path + ", which cannot be read: " + e.getMessage());
        }
    }

    private static Kek passphrase(String var, Map<String, String> env) {
        if (var.isEmpty()) {
            throw new IllegalArgumentException(
                    "VAULT_KEK=passphrase-env: needs the name of the variable holding the passphrase, e.g. passphrase-env:VAULT_PASSPHRASE");
        }
        String value = env.get(var);
        if (value == null) {
            throw new IllegalArgumentException("VAULT_KEK=passphrase-env:" + var + " but " + var + " is not set");
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException("VAULT_KEK=passphrase-env:" + var + " but " + var + " is empty");
        }
        return new PassphraseKek("passphrase-env:" + var, value);
    }

    private static Kek keyVault(String keyId) {
        checkKeyId(keyId);
        // Managed identity in Azure; az login, environment or IDE credentials elsewhere. One
        // credential for every version's client, so its token is fetched once.
        TokenCredential credential = new DefaultAzureCredentialBuilder().build();
        return new KeyVaultKek(keyId, id -> new CryptographyClientBuilder().keyIdentifier(id).credential(credential).buildClient());
    }

    /** A Key Vault key id: https://<vault host>/keys/<name>[/<version>]. */
    static void checkKeyId(String keyId) {
        String shape = "VAULT_KEK=keyvault: needs a key id URL https://<vault>.vault.azure.net/keys/<name>[/<version>]";
        if (keyId.isEmpty()) {
            throw new IllegalArgumentException(shape);
        }
        URI uri;
        try {
            uri = new URI(keyId);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(shape + ", got '" + keyId + "'");
        }
        String[] path = uri.getPath() == null ? new String[0] : uri.getPath().replaceAll("/+$", "").split("/");
        boolean ok = "https".equals(uri.getScheme()) && uri.getHost() != null && uri.getQuery() == null
                && (path.length == 3 || path.length == 4) && path[0].isEmpty() && "keys".equals(path[1])
                && !path[2].isEmpty();
        if (!ok) {
            throw new IllegalArgumentException(shape + ", got '" + keyId + "'");
        }
    }
}
