package io.m365vault.cli;

import io.m365vault.backup.ProtectedItem;
import io.m365vault.service.InvalidRequestException;
import io.m365vault.service.VaultServices;
import io.m365vault.service.VaultSettings;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** A subcommand working on one repository: its environment, {@code --repo}, and usage errors (exit 2). */
abstract class RepoCommand implements Callable<Integer> {
    @ParentCommand
    VaultCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    RepoOption repo;

    CliEnv env() {
        return root.env();
    }

    /** The services over this repository and the tenant, wired from the settings as the Functions wire them. */
    VaultServices open() {
        return VaultServices.open(env().settings(VaultSettings.REPOSITORY), repo.name);
    }

    /**
     * The item as the repository keeps it (a UPN looked up), with something backed up at {@code at}:
     * a time in the future is bad usage (exit 2); one before the item's first backup a failure (exit 1).
     */
    ProtectedItem backedUp(VaultServices vs, ProtectedItem item, Instant at) {
        try {
            return vs.lookup().backedUp(item, at);
        } catch (InvalidRequestException e) {
            throw usage(e.getMessage());
        }
    }

    /** The item with its name as the inventory knows it, e.g. {@code user:<id> (Adele Vance, adele@contoso.com)}. */
    static String named(VaultServices vs, ProtectedItem item) {
        return new io.m365vault.service.Inventory(vs.repo().state()).get(item)
                .map(e -> item + " (" + e.label() + (e.principal() != null && !e.principal().equals(e.label()) ? ", " + e.principal() : "") + ")")
                .orElse(item.toString());
    }

    /** A usage error: picocli prints it with a pointer to --help and exits 2. */
    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
