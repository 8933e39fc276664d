package io.m365vault.cli;

import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import io.m365vault.restore.ExportException;
import io.m365vault.restore.ExportOptions;
import io.m365vault.restore.ExportResult;
import io.m365vault.restore.ItemExporter;
import io.m365vault.restore.SearchScope;
import io.m365vault.service.VaultServices;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `vault export`: a mailbox and files at a point in time into local files (EML or MBOX, ICS, VCF, the files, manifest.json). */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export a protected item as it was at a point in time into local files: a user's mailbox and OneDrive,",
                "a site's document libraries, a group's (team's) files.",
                "DIR gets mail/<folders>/*.eml (or mail/<folder>.mbox), calendar/<calendar>.ics, contacts/<folder>.vcf,",
                "files/<drive>/<folders>/<file> (with their modified times), manifest.json.",
                "PATH narrows it to one workload (mail, calendar, contacts, files) or, under files, to one folder or file:",
                "files/<drive>/<folder>/..., e.g. files/OneDrive/Documents/Reports, or under mail to one folder or message:",
                "mail/<folder>/.../<message id as `vault ls` lists it>.",
                "--subject, --from, --name, --after, --before export only the items the search picks, with the folders on their way."})
final class ExportCommand extends RepoCommand {
    @Parameters(index = "0", paramLabel = "ITEM", converter = Converters.Item.class, description = "user:<id or UPN>, site:<id> or group:<id>")
    ProtectedItem item;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PATH",
            description = "mail, calendar, contacts, files, files/<drive>/<folder>/... or mail/<folder>/.../[<message id>]"
                    + " (default: everything the item has)")
    String path;

    @Option(names = "--workloads", split = ",", paramLabel = "W", description = "mail,calendar,contacts,files,lists,pages (default: everything the item has)")
    List<String> workloadNames;

    @Option(names = "--to", required = true, paramLabel = "DIR", description = "directory to write (new or empty)")
    Path to;

    @Option(names = "--overwrite", description = "replace an earlier export in DIR (one with a manifest.json); a directory that is not an export is never emptied")
    boolean overwrite;

    @Mixin
    MailOptions.At at;

    @Mixin
    MailOptions.Format format;

    @Mixin
    SearchOptions search;

    @Override
    public Integer call() throws Exception {
        Set<Workload> workloads = workloads();
        String filesPath = narrowed(Workload.FILES);
        String mailPath = narrowed(Workload.MAIL);
        SearchScope scope = search.scope();
        CliEnv env = env();
        Instant t = at.orNow();
        Path dir = env.path(to);
        try (VaultServices vs = open()) {
            ProtectedItem it = backedUp(vs, item, t);
            ExportResult r;
            try (Progress progress = Progress.of(env, "export", 0)) {
                ExportOptions options = ExportOptions.defaults().withMailFormat(format.format).withWorkloads(workloads)
                        .withFilesPath(filesPath).withMailPath(mailPath).withSearch(scope).withOverwrite(overwrite).withProgress(progress::set);
                r = new ItemExporter().export(vs.repo(), it, t, dir, options);
            }
            Map<String, Integer> counts = new TreeMap<>(r.items());
            env.out().println("exported " + named(vs, it) + " at " + t + " to " + r.directory());
            env.out().println("  " + counts + ", " + r.files().size() + " files, " + Sizes.bytes(r.bytes()));
            r.failures().forEach(f -> env.out().println("  not exported: " + f.kind() + " " + f.itemId() + ": " + f.error()));
            if (!r.complete()) {
                throw new IllegalStateException(r.failures().size() + " items could not be exported (listed above and in manifest.json)");
            }
            return 0;
        }
    }

    private Set<Workload> workloads() {
        Set<Workload> out = EnumSet.noneOf(Workload.class);
        if (path != null && !path.isBlank()) {
            out.add(workload(path.split("/")[0]));
        }
        if (workloadNames != null) {
            Set<Workload> named = EnumSet.noneOf(Workload.class);
            workloadNames.forEach(n -> named.add(workload(n.trim())));
            if (!out.isEmpty() && !named.containsAll(out)) {
                throw usage("PATH " + path + " is outside --workloads " + String.join(",", workloadNames));
            }
            out = out.isEmpty() ? named : out;
        }
        return out.isEmpty() ? ExportOptions.everything(item) : out;
    }

    private Workload workload(String name) {
        Workload w;
        try {
            w = Workload.parse(name);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        if (!ExportOptions.EXPORTABLE.contains(w)) {
            throw new ExportException("exporting " + w.id() + " is not supported yet; mail, calendar, contacts, files, lists and pages are");
        }
        return w;
    }

    /** What PATH names under {@code w}'s top (files/ or mail/), or null. */
    private String narrowed(Workload w) {
        if (path == null || !path.contains("/")) {
            return null;
        }
        String[] parts = path.split("/", 2);
        if (!parts[0].equals(Workload.FILES.id()) && !parts[0].equals(Workload.MAIL.id())) {
            throw new ExportException("exporting one folder (" + path + ") is not supported yet outside files/ and mail/; export the whole "
                    + parts[0] + " workload");
        }
        return parts[0].equals(w.id()) ? parts[1] : null;
    }
}
