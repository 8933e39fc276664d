package io.m365vault.cli;

import io.m365vault.service.Inventory;
import io.m365vault.service.RunInfo;
import io.m365vault.service.RunStore;
import io.m365vault.service.TimeIds;
import io.m365vault.service.VaultServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `vault runs [RUN]`: past runs, newest first, or one run's per-item outcome. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List past runs, newest first; with RUN, each protected item's outcome in it (counts, bytes, errors).")
final class RunsCommand extends RepoCommand {
    @Parameters(paramLabel = "RUN", arity = "0..1", description = "a run id as listed, e.g. 20261125T141500123Z-3f9a1c")
    String run;

    @Option(names = "--last", paramLabel = "N", defaultValue = "20", description = "runs listed (default: ${DEFAULT-VALUE})")
    int last;

    @Override
    public Integer call() {
        if (run != null && !TimeIds.valid(run)) {
            throw usage("'" + run + "' is not a run id (like 20261125T141500123Z-3f9a1c)");
        }
        if (last < 1) {
            throw usage("--last must be at least 1, got " + last);
        }
        CliEnv env = env();
        try (VaultServices vs = open()) {
            RunStore runs = vs.runs();
            RunReport report = new RunReport(env.out(), new Inventory(vs.repo().state()).names());
            if (run == null) {
                report.runs(runs.list(last));
                return 0;
            }
            RunInfo info = runs.run(run).orElseThrow(() -> new IllegalArgumentException("no run " + run + " in repository " + repo.name));
            report.run(info, runs.items(run));
            return 0;
        }
    }
}
