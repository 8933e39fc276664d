package io.m365vault.cli;

import io.m365vault.repo.KeyRotation;
import io.m365vault.repo.Repository;
import io.m365vault.service.Reachability;
import io.m365vault.service.VaultSettings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * `vault key rotate`: re-wrap the data keys under VAULT_KEK as it is now. Not a {@link RepoCommand}:
 * its parent is `key`, not `vault`.
 */
@Command(name = "rotate", mixinStandardHelpOptions = true,
        description = {"Re-wrap the repository's data keys under VAULT_KEK as it is now; the backups are not re-encrypted.",
                "keyvault: the key's newest version (or the version VAULT_KEK names); older versions must stay enabled until this ran.",
                "passphrase-env: a fresh salt and the current Argon2id cost. file: a fresh nonce under the same key (a key file has no versions).",
                "The new wrap is opened before it replaces the old one, and read back after."})
final class KeyRotateCommand implements Callable<Integer> {
    @ParentCommand
    KeyCommand key;

    @Mixin
    RepoOption repo;

    @Override
    public Integer call() {
        CliEnv env = key.root.env();
        VaultSettings settings = env.settings(VaultSettings.REPOSITORY);
        Reachability.storage(settings.storage(), repo.name);
        KeyRotation r = Repository.rotateKeys(settings.storage(), repo.name, settings.kek());
        env.out().println("re-wrapped data keys " + r.keysId() + " of repository " + repo.name + ": they were under "
                + r.before() + ", now " + r.after());
        return 0;
    }
}
