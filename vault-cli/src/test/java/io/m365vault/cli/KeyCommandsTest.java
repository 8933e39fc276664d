package io.m365vault.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365vault.testkit.AzuriteExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** `vault key rotate` and init's key file warning, against Azurite. */
@ExtendWith(AzuriteExtension.class)
class KeyCommandsTest {
    @TempDir
    Path tmp;

    private Cli cli(AzuriteExtension.StorageAccount account, String kek) {
        return new Cli(Map.of("VAULT_STORAGE", account.connectionString(), "VAULT_KEK", kek, "VAULT_PASSPHRASE", "pw"), tmp);
    }

    @Test
    void rotateRewrapsUnderAFreshSaltAndSaysSo(AzuriteExtension.StorageAccount account) {
        Cli cli = cli(account, "passphrase-env:VAULT_PASSPHRASE");
        assertEquals(0, cli.run("init", "--repo", "keyrotate").code());
        Cli.Result r = cli.run("key", "rotate", "--repo", "keyrotate");
        assertEquals(0, r.code(), r.toString());
        var m = Pattern.compile("re-wrapped data keys [0-9a-f]{16} of repository keyrotate: they were under passphrase-env:VAULT_PASSPHRASE "
                + "\\(Argon2id, 65536 KiB, 3 passes, 1 lanes, salt ([0-9a-f]{32})\\), now passphrase-env:VAULT_PASSPHRASE "
                + "\\(Argon2id, 65536 KiB, 3 passes, 1 lanes, salt ([0-9a-f]{32})\\)\n").matcher(r.out());
        assertTrue(m.matches(), r.out());
        assertFalse(m.group(1).equals(m.group(2)), "a fresh salt");
        assertEquals(0, cli.run("verify", "--repo", "keyrotate").code());
    }

    @Test
    void rotateFailuresAndUsage(AzuriteExtension.StorageAccount account) {
        Cli cli = cli(account, "passphrase-env:VAULT_PASSPHRASE");
        Cli.Result missing = cli.run("key", "rotate", "--repo", "nosuchrepo");
        assertEquals(1, missing.code(), missing.toString());
        assertEquals("vault: no repository in container nosuchrepo (no config blob); create one with `vault init`", missing.errorLine());
        assertEquals(0, cli.run("init", "--repo", "keywrong").code());
        Cli.Result wrong = cli.with("VAULT_PASSPHRASE", "other").run("key", "rotate", "--repo", "keywrong");
        assertEquals(1, wrong.code(), wrong.toString());
        assertTrue(wrong.errorLine().startsWith("vault: the key passphrase-env:VAULT_PASSPHRASE does not open"), wrong.errorLine());
        Cli.Result alone = cli.run("key");
        assertEquals(2, alone.code(), alone.toString());
        assertTrue(alone.err().contains("vault key needs a subcommand: rotate"), alone.err());
        assertEquals(2, cli.run("key", "rotate", "--bogus").code());
    }

    @Test
    void initWarnsBeforeWritingAKeyFileInsideAGitWorkTree(AzuriteExtension.StorageAccount account) throws Exception {
        Path checkout = tmp.resolve("checkout");
        Files.createDirectories(checkout.resolve(".git"));
        Path key = checkout.resolve("conf/vault.kek");
        Cli.Result r = cli(account, "file:" + key).run("init", "--repo", "keyingit");
        assertEquals(0, r.code(), r.toString());
        assertEquals("vault: warning: the new key file " + key + " is inside the git work tree " + checkout
                + ": keep it out of version control (m365vault's own .gitignore ignores *.kek, nothing else)", r.errorLine());
        assertTrue(Files.isRegularFile(key), "made, in a directory made for it");

        Path outside = tmp.resolve("keys/vault.kek");
        Cli.Result quiet = cli(account, "file:" + outside).run("init", "--repo", "keyoutside");
        assertEquals(0, quiet.code(), quiet.toString());
        assertEquals("", quiet.err());
    }
}
