package io.m365vault.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeksTest {
    @TempDir
    Path dir;

    private static void refused(String spec, Map<String, String> env, String expect) {
        var e = assertThrows(IllegalArgumentException.class, () -> Keks.fromSpec(spec, env), spec);
        assertTrue(e.getMessage().startsWith("VAULT_KEK"), e.getMessage());
        assertTrue(e.getMessage().contains(expect), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void eachKindParses() throws Exception {
        Path p = dir.resolve("kek");
        FileKek.create(p);
        assertInstanceOf(FileKek.class, Keks.fromSpec("file:" + p, Map.of()));
        Kek pass = Keks.fromSpec("passphrase-env:VAULT_PASSPHRASE", Map.of("VAULT_PASSPHRASE", "s3cret"));
        assertInstanceOf(PassphraseKek.class, pass);
        assertEquals("passphrase-env:VAULT_PASSPHRASE", pass.describe());
        Kek kv = Keks.fromSpec("keyvault:https://contoso.vault.azure.net/keys/kek/0123abcd", Map.of());
        assertInstanceOf(KeyVaultKek.class, kv);
        assertEquals("keyvault:https://contoso.vault.azure.net/keys/kek/0123abcd", kv.describe());
        Keks.fromSpec("keyvault:https://contoso.vault.azure.net/keys/kek", Map.of());
    }

    @Test
    void aKeyFileUnderHomeIsWrittenWithATilde() {
        assertEquals(Path.of(System.getProperty("user.home"), ".m365vault", "vault.kek"), Keks.keyFile(" file:~/.m365vault/vault.kek"));
        assertEquals(Path.of("/etc/kek"), Keks.keyFile("file:/etc/kek"));
        assertEquals(null, Keks.keyFile("passphrase-env:P"));
        assertEquals(null, Keks.keyFile("file:"));
    }

    @Test
    void malformedSpecsGiveOneLineNamingTheSetting() {
        refused(null, Map.of(), "is not set");
        refused("  ", Map.of(), "is not set");
        refused("aws-kms:arn:x", Map.of(), "unknown kind 'aws-kms'");
        refused("/etc/key", Map.of(), "unknown kind '/etc/key'");
        refused("file:", Map.of(), "needs the path");
        refused("file:" + dir.resolve("missing"), Map.of(), "does not exist");
        refused("file:" + dir, Map.of(), "does not exist");
        refused("passphrase-env:", Map.of(), "needs the name");
        refused("passphrase-env:VAULT_PASSPHRASE", Map.of(), "VAULT_PASSPHRASE is not set");
        refused("passphrase-env:VAULT_PASSPHRASE", Map.of("VAULT_PASSPHRASE", ""), "VAULT_PASSPHRASE is empty");
        refused("keyvault:", Map.of(), "needs a key id URL");
        refused("keyvault:http://contoso.vault.azure.net/keys/kek", Map.of(), "needs a key id URL");
        refused("keyvault:https://contoso.vault.azure.net/secrets/kek", Map.of(), "needs a key id URL");
        refused("keyvault:https://contoso.vault.azure.net/keys/", Map.of(), "needs a key id URL");
        refused("keyvault:https://contoso.vault.azure.net/keys/a/b/c", Map.of(), "needs a key id URL");
    }
}
