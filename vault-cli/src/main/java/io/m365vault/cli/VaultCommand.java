package io.m365vault.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The `vault` command: exit 0 on success, 1 on failure with one line on stderr, 2 on bad usage. */
@Command(name = "vault", mixinStandardHelpOptions = true, version = "m365vault 0.1.0",
        description = {"Backup of Microsoft 365 into your own Azure storage.",
                "Settings (VAULT_STORAGE, VAULT_KEK, GRAPH_*, VAULT_POLICY, ...) come from the environment or ./local.settings.json."},
        subcommands = {DemoCommand.class, InitCommand.class, BackupCommand.class, RunsCommand.class, ItemsCommand.class, LsCommand.class,
                ExportCommand.class, RestoreCommand.class, PruneCommand.class, VerifyCommand.class, StatsCommand.class, KeyCommand.class,
                ServeCommand.class, BenchCommand.class})
public final class VaultCommand {
    static final int FAILURE = 1;

    private final CliEnv env;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "log what the engine does (slf4j, to stderr) and show a failure's stack trace")
    boolean verbose;

    VaultCommand(CliEnv env) {
        this.env = env;
    }

    CliEnv env() {
        return env;
    }

    public static void main(String[] args) {
        // The CLI reports outcomes itself; engine logs only with --verbose. slf4j-simple reads
        // its level when the first logger is made, so this is decided before parsing.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "off");
        for (String a : args) {
            if (a.equals("--verbose")) {
                System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
                org.slf4j.LoggerFactory.getLogger("vault").info(io.m365vault.repo.RuntimeReport.line());
            }
        }
        System.exit(run(CliEnv.system(), args));
    }

    static int run(CliEnv env, String... args) {
        VaultCommand root = new VaultCommand(env);
        CommandLine cli = new CommandLine(root);
        cli.setOut(new PrintWriter(env.out(), true));
        cli.setErr(new PrintWriter(env.err(), true));
        cli.setParameterExceptionHandler((e, a) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("vault: " + e.getMessage() + " (see " + cmd.getCommandSpec().qualifiedName() + " --help)");
            return cmd.getCommandSpec().exitCodeOnInvalidInput();
        });
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (root.verbose) {
                e.printStackTrace(cmd.getErr());
            }
            cmd.getErr().println("vault: " + Failures.oneLine(e));
            return FAILURE;
        });
        return cli.execute(args);
    }
}
