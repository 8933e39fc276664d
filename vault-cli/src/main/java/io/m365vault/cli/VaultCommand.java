package io.m365vault.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `vault` command: exit 0 on success, 1 on failure with one line on stderr, 2 on bad usage. */
@Command(name = "vault", mixinStandardHelpOptions = true, version = "m365vault 0.1.0",
        description = "Backup of Microsoft 365 into your own Azure storage.",
        subcommands = {BenchCommand.class})
public final class VaultCommand {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        CommandLine cli = new CommandLine(new VaultCommand());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("vault: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        return cli.execute(args);
    }
}
