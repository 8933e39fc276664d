package io.m365vault.cli;

import io.m365vault.maintain.PruneOptions;
import io.m365vault.maintain.PruneReport;
import io.m365vault.repo.WriterSession;
import io.m365vault.service.VaultServices;
import java.io.PrintStream;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `vault prune`: VAULT_RETENTION applied to the catalog, then garbage collected in two phases. */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = {"Apply VAULT_RETENTION (drop expired versions; current versions stay), then collect garbage in two phases:",
                "unreferenced chunks are condemned, and deleted by a later prune that finds them still unreferenced after the grace;",
                "packs mostly dead are repacked, packs no index row names (killed backups) go after the grace.",
                "Safe beside running backups. Run it regularly (the maintenance timer does)."})
final class PruneCommand extends RepoCommand {
    @Option(names = "--dry-run", description = "report what would be dropped, deleted and repacked; change nothing")
    boolean dryRun;

    @Option(names = "--grace", paramLabel = "DURATION", converter = Converters.Span.class, defaultValue = "24h",
            description = "how long a chunk stays condemned before it may be deleted: 36h, 2d, PT36H (default ${DEFAULT-VALUE};"
                    + " at least 12h, twice what a backup may trust the index for)")
    Duration grace;

    @Override
    public Integer call() {
        CliEnv env = env();
        PruneOptions options = PruneOptions.defaults().withDryRun(dryRun).withGrace(grace);
        try {
            options.check(WriterSession.CommitLimits.DEFAULT.minimumGrace());
        } catch (IllegalArgumentException e) {
            throw usage("--grace: " + e.getMessage());
        }
        try (VaultServices vs = open()) {
            long t0 = System.nanoTime();
            PruneReport r = vs.maintenance().prune(options, "cli " + ProcessHandle.current().pid())
                    .orElseThrow(() -> new IllegalStateException("another prune of repository " + repo.name
                            + " is running (it holds the maintenance lease); try again when it has finished"));
            print(env.out(), r);
            env.out().println("took " + Sizes.duration(Duration.ofNanos(System.nanoTime() - t0)));
            if (!r.problems().isEmpty()) {
                throw new IllegalStateException("prune collected no garbage: " + r.problems().size()
                        + " catalog rows or chunk lists do not open (listed above); run vault verify");
            }
            return 0;
        }
    }

    static void print(PrintStream out, PruneReport r) {
        r.problems().forEach(p -> out.println("problem: " + p));
        r.warnings().forEach(w -> out.println("warning: " + w));
        if (r.dryRun()) {
            out.println("dry run: nothing was changed; a pass would do this");
        }
        out.printf("retention: %d versions, %d expired, %d dropped%n", r.versions(), r.versionsExpired(), r.versionsDropped());
        out.printf("chunks: %d condemned, %d revived, %d deleted, %d left as backups rewrote them%n",
                r.chunksCondemned(), r.chunksRevived(), r.chunksDeleted(), r.chunksSkipped());
        out.printf("packs: %d deleted (%d of them repacked into %d new), %d condemned (no index row names them)%n",
                r.packsDeleted(), r.packsRepacked(), r.packsWritten(), r.packsCondemned());
        if (r.packsImmutable() > 0) {
            out.printf("left %d packs (%s) that immutability still protects; a prune after their policy ends deletes them%n",
                    r.packsImmutable(), Sizes.bytes(r.bytesImmutable()));
        }
        out.printf("freed %s; stored %s in %d packs for %s protected (%s)%n", Sizes.bytes(r.bytesFreed()),
                Sizes.bytes(r.storedBytesAfter()), r.packsAfter(), Sizes.bytes(r.protectedBytes()), Sizes.ratio(r.storedPerProtected()));
    }
}
