package io.m365vault.cli;

import io.m365vault.repo.Repository;
import picocli.CommandLine.Option;

/** {@code --repo NAME}: which repository of the storage account a command works on. */
final class RepoOption {
    @Option(names = "--repo", paramLabel = "NAME", defaultValue = Repository.DEFAULT_NAME,
            description = "repository: its blob container and table prefix (default: ${DEFAULT-VALUE})")
    String name = Repository.DEFAULT_NAME;
}
