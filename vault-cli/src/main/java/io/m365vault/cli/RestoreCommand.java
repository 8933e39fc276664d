package io.m365vault.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import io.m365vault.service.ExportStore;
import io.m365vault.service.InvalidRequestException;
import io.m365vault.service.RestoreJob;
import io.m365vault.service.RestoreService;
import io.m365vault.service.VaultServices;
import java.io.PrintStream;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `vault restore`: a restore job through the restore service, the one POST /api/restores submits
 * and the RunRestore function runs. The service restores as an export (a zip in the exports
 * account's container, with a download link, deleted when its window ends); into the tenant it
 * is not written yet.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restore a protected item as it was at a point in time.",
                "Supported: --export, a zip of the mailbox (EML or MBOX, ICS, VCF) in the exports account (VAULT_EXPORTS) with a"
                        + " download link valid 1 hour, never past the export's window (VAULT_EXPORT_DAYS, 7), after which it is deleted.",
                "Not supported yet: into the original mailbox (the default), into another (--to-item, --folder); "
                        + "`vault export` writes local files."})
final class RestoreCommand extends RepoCommand {
    @Parameters(index = "0", paramLabel = "ITEM", converter = Converters.Item.class, description = "user:<id or UPN>")
    ProtectedItem item;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PATH", description = "one workload: mail, calendar or contacts (default: all three)")
    String path;

    @Mixin
    MailOptions.At at;

    @Option(names = "--to-item", paramLabel = "ITEM", converter = Converters.Item.class, description = "restore into another mailbox (not supported yet)")
    ProtectedItem toItem;

    @Option(names = "--folder", paramLabel = "NAME", description = "restore under a new folder of this name (not supported yet)")
    String folder;

    @Option(names = "--export", description = "restore as a zip in the exports container, with a download link")
    boolean export;

    @Mixin
    MailOptions.Format format;

    @Override
    public Integer call() throws Exception {
        if (export && (toItem != null || folder != null)) {
            throw usage("--export writes a zip; --to-item and --folder name a place in the tenant");
        }
        PrintStream out = env().out();
        Instant t = at.orNow();
        try (VaultServices vs = open()) {
            RestoreService restores = vs.restores();
            RestoreJob job;
            try {
                job = restores.submit(request(backedUp(vs, item, t), t));
            } catch (InvalidRequestException e) {
                throw new IllegalArgumentException(e.getMessage() + (export ? "" : "; use --export or `vault export`"));
            }
            out.println("restore job " + job.id() + " queued; running it here");
            RestoreJob done = restores.run(job.id());
            if (!"done".equals(done.state())) {
                throw new IllegalStateException("restore job " + job.id() + " " + done.state() + ": " + done.error());
            }
            RestoreJob linked = restores.get(job.id()).orElseThrow();
            out.println("restore job " + job.id() + " done: " + linked.files() + " files, " + Sizes.bytes(linked.bytes()) + " zip in "
                    + ExportStore.CONTAINER + "/" + linked.blob());
            out.println("download (until " + linked.linkExpires() + "): " + linked.link());
            return 0;
        }
    }

    private String request(ProtectedItem resolved, Instant t) {
        ObjectNode r = new ObjectMapper().createObjectNode();
        r.put("item", resolved.toString());
        if (path != null && !path.isBlank()) {
            r.putArray("workloads").add(Workload.parse(path.split("/")[0]).id());
        }
        r.put("at", t.toString());
        r.put("target", export ? "export" : toItem != null ? "alternate" : "original");
        r.put("format", format.format.name().toLowerCase(java.util.Locale.ROOT));
        return r.toString();
    }
}
