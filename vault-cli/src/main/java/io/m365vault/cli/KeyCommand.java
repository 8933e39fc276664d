package io.m365vault.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** `vault key`: the repository's data keys and the KEK that seals them. Alone it is a usage error (exit 2). */
@Command(name = "key", mixinStandardHelpOptions = true, subcommands = KeyRotateCommand.class,
        description = "Manage the repository's data keys under VAULT_KEK (see `vault key rotate --help`).")
final class KeyCommand implements Callable<Integer> {
    @ParentCommand
    VaultCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "vault key needs a subcommand: rotate");
    }
}
