package io.m365vault.cli;

import io.m365vault.config.Setting;
import io.m365vault.repo.FileKek;
import io.m365vault.repo.Keks;
import io.m365vault.repo.Repository;
import io.m365vault.service.Reachability;
import io.m365vault.service.VaultSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;

/** `vault init`: a new repository; never over an existing one. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create the repository in VAULT_STORAGE, its data keys sealed under VAULT_KEK.",
                "Refuses when the repository already exists.",
                "When VAULT_KEK is file:<path> and no file is there, a new key file is made (mode 0600): keep a copy of it "
                        + "away from this machine and the storage account, or the backups cannot be read."})
final class InitCommand extends RepoCommand {
    @Override
    public Integer call() throws Exception {
        CliEnv env = env();
        Path made = makeKeyFile(env.values().get(Setting.VAULT_KEK.name()));
        try {
            VaultSettings settings = env.settings(VaultSettings.REPOSITORY);
            Reachability.storage(settings.storage(), repo.name);
            try (Repository r = Repository.init(settings.storage(), repo.name, settings.kek())) {
                env.out().println("created repository " + r.name() + " (data keys " + r.config().keyId() + ", sealed under "
                        + settings.kek().describe() + ")");
            }
        } catch (RuntimeException e) {
            if (made != null) {
                // A key that seals nothing is only a trap for later: take it back.
                Files.deleteIfExists(made);
            }
            throw e;
        }
        if (made != null) {
            env.out().println("made key file " + made + ": keep a copy elsewhere; without it the backups cannot be read");
        }
        return 0;
    }

    private Path makeKeyFile(String spec) throws Exception {
        Path p = Keks.keyFile(spec);
        if (p == null || Files.exists(p)) {
            return null;
        }
        Path tree = GitWorkTree.containing(p);
        if (tree != null) {
            env().err().println("vault: warning: the new key file " + p + " is inside the git work tree " + tree
                    + ": keep it out of version control (m365vault's own .gitignore ignores *.kek, nothing else)");
        }
        // e.g. ~/.m365vault on first use; the key file itself is made owner-only by FileKek.
        Files.createDirectories(p.toAbsolutePath().getParent());
        FileKek.create(p);
        return p;
    }
}
