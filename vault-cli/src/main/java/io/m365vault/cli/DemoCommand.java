package io.m365vault.cli;

import io.m365vault.config.Setting;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.repo.FileKek;
import io.m365vault.repo.Repository;
import io.m365vault.service.VaultServices;
import io.m365vault.service.VaultSettings;
import io.m365vault.testkit.AzuriteProcess;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.ParentCommand;

/**
 * `vault demo`: the whole product on this machine. Azurite and graph-sim start, a repository is
 * made with a throwaway key, the simulated tenant is backed up through the queue fan-out (the
 * timer's service enqueues, the queue worker's service drains), the tenant changes, an
 * incremental runs, one mailbox is exported, and a summary is printed.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Simulated tenant on Azurite: full backup through the queue (mailboxes, OneDrives, site and team files), tenant changes,",
                "incremental, export of the largest user (mailbox and OneDrive).",
                "Needs nothing running: starts Azurite (installed from npm on first use) and graph-sim, stops both at the end."})
final class DemoCommand implements Callable<Integer> {
    /** What the demo protects: the workloads graph-sim serves that the backup engine syncs. */
    static final String POLICY = "{\"mail\":\"all\",\"calendar\":\"all\",\"contacts\":\"all\",\"files\":\"all\",\"lists\":\"all\",\"pages\":\"all\"}";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @ParentCommand
    VaultCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--users", defaultValue = "20", description = "users in the simulated tenant (default: ${DEFAULT-VALUE})")
    int users;

    @Option(names = "--seed", defaultValue = "7", description = "seed of the simulated tenant (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--parallel", defaultValue = "4", description = "queue messages handled at once (default: ${DEFAULT-VALUE})")
    int parallel;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "vault-demo",
            description = "where each demo leaves its key file and export, in a folder named by time (default: ./${DEFAULT-VALUE})")
    Path out;

    @Mixin
    MailOptions.Format format;

    @Override
    public Integer call() throws Exception {
        if (users < 6 || users > 10_000) {
            throw new ParameterException(spec.commandLine(),
                    "--users must be 6 to 10000 (users 1-5 of the simulated tenant are special cases), got " + users);
        }
        CliEnv env = root.env();
        PrintStream err = env.err();
        long t0 = System.nanoTime();
        Path dir = env.path(out).resolve(STAMP.format(Instant.now()));
        Files.createDirectories(dir);
        err.println("demo: starting Azurite and graph-sim (" + users + " users, seed " + seed + ")");
        try (AzuriteProcess azurite = AzuriteProcess.start();
             GraphSim sim = GraphSim.builder().seed(seed).users(users).build().start()) {
            Path kek = dir.resolve("demo.kek");
            FileKek.create(kek);
            Map<String, String> values = Map.of(Setting.VAULT_STORAGE.name(), azurite.connectionString(),
                    Setting.VAULT_KEK.name(), "file:" + kek, Setting.GRAPH_BASE_URL.name(), sim.baseUrl(),
                    Setting.VAULT_POLICY.name(), POLICY);
            CliEnv demo = new CliEnv(values, env.workDir(), env.out(), err);
            VaultSettings settings = demo.settings(VaultSettings.REPOSITORY);
            Repository.init(settings.storage(), Repository.DEFAULT_NAME, settings.kek()).close();
            err.println("demo: repository " + Repository.DEFAULT_NAME + " made on Azurite, key file " + kek);
            try (VaultServices vs = VaultServices.open(settings, Repository.DEFAULT_NAME)) {
                return new DemoRun(vs, demo, sim, parallel).play(dir, format.format, env.out(), t0);
            }
        }
    }
}
