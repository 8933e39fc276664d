package io.m365vault.cli;

import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import io.m365vault.restore.ExportException;
import io.m365vault.restore.ExportOptions;
import io.m365vault.restore.ExportResult;
import io.m365vault.restore.ItemExporter;
import io.m365vault.service.VaultServices;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `vault export`: a mailbox at a point in time into local files (EML or MBOX, ICS, VCF, manifest.json). */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export a user's mailbox as it was at a point in time into local files.",
                "DIR gets mail/<folders>/*.eml (or mail/<folder>.mbox), calendar/<calendar>.ics, contacts/<folder>.vcf, manifest.json.",
                "PATH narrows it to one workload: mail, calendar or contacts."})
final class ExportCommand extends RepoCommand {
    @Parameters(index = "0", paramLabel = "ITEM", converter = Converters.Item.class, description = "user:<id or UPN>")
    ProtectedItem item;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PATH", description = "mail, calendar or contacts (default: all three)")
    String path;

    @Option(names = "--to", required = true, paramLabel = "DIR", description = "directory to write (new or empty)")
    Path to;

    @Mixin
    MailOptions.At at;

    @Mixin
    MailOptions.Format format;

    @Override
    public Integer call() throws Exception {
        Set<Workload> workloads = workloads();
        CliEnv env = env();
        Instant t = at.orNow();
        Path dir = env.path(to);
        try (VaultServices vs = open()) {
            ProtectedItem it = backedUp(vs, item, t);
            ExportResult r;
            try (Progress progress = Progress.of(env, "export", 0)) {
                ExportOptions options = ExportOptions.defaults().withMailFormat(format.format).withWorkloads(workloads)
                        .withProgress(progress::set);
                r = new ItemExporter().export(vs.repo(), it, t, dir, options);
            }
            Map<String, Integer> counts = new TreeMap<>(r.items());
            env.out().println("exported " + it + " at " + t + " to " + r.directory());
            env.out().println("  " + counts + ", " + r.files().size() + " files, " + Sizes.bytes(r.bytes()));
            r.failures().forEach(f -> env.out().println("  not exported: " + f.kind() + " " + f.itemId() + ": " + f.error()));
            if (!r.complete()) {
                throw new IllegalStateException(r.failures().size() + " items could not be exported (listed above and in manifest.json)");
            }
            return 0;
        }
    }

    private Set<Workload> workloads() {
        if (path == null || path.isBlank()) {
            return ExportOptions.MAILBOX;
        }
        String[] parts = path.split("/");
        Workload w;
        try {
            w = Workload.parse(parts[0]);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        if (!ExportOptions.MAILBOX.contains(w)) {
            throw new ExportException("exporting " + w.id() + " is not supported yet; mail, calendar and contacts are");
        }
        if (parts.length > 1) {
            throw new ExportException("exporting one folder (" + path + ") is not supported yet; export the whole "
                    + w.id() + " workload");
        }
        return EnumSet.of(w);
    }
}
