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
 * and the RunRestore function runs. Into the tenant (the default): the mailbox's messages, events
 * and contacts recreated in the original mailbox or another, the files in the original drive or
 * another, a site's lists and pages in the same site or another, never overwriting; with --export, a zip in the
 * exports account's container with a download link, deleted when its window ends.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restore a protected item as it was at a point in time.",
                "Into the tenant (the default): every message recreated as received or sent, with its folders (--workloads mail,"
                        + " the default), every event and series with its exceptions, cancellations and attachments but without attendees,"
                        + " so no one is invited (calendar), every contact with its photo and folder (contacts), in the original mailbox"
                        + " or another (--to-item), under the original folders or under one folder (--folder); nothing is overwritten.",
                "Files (--workloads files, the default for a site or group): every folder (empty ones too) and file with its created and"
                        + " modified times, into the original drive or the OneDrive of another user, a site's or a group's drive (--to-item),"
                        + " each file beside what is there ('x 1.docx' where 'x.docx' exists); PATH files/<drive>/<folder>/... restores one"
                        + " folder or file, PATH mail/<folder>/.../[<message id>] one mail folder or message.",
                "--subject, --from, --name, --after, --before restore (or export) only the items the search picks.",
                "Lists and pages of a site (--workloads lists,pages) into the same site or another (--to-item site:<id>): each list found"
                        + " by name or created with its template and the columns it lacks (read-only, hidden and system columns left out),"
                        + " its items created anew with their attachments; each page created and published ('Home 1.aspx' where 'Home.aspx'"
                        + " exists). What is left out is printed as notes.",
                "Needs the Mail.ReadWrite, Calendars.ReadWrite, Contacts.ReadWrite, Files.ReadWrite.All and (lists) Sites.Manage.All"
                        + " application permissions.",
                "--export: a zip of the mailbox (EML or MBOX, ICS, VCF) in the exports account (VAULT_EXPORTS) with a"
                        + " download link valid 1 hour, never past the export's window (VAULT_EXPORT_DAYS, 7), after which it is deleted;"
                        + " `vault export` writes local files.",
                "Exit 0 only when everything asked for was restored."})
final class RestoreCommand extends RepoCommand {
    @Parameters(index = "0", paramLabel = "ITEM", converter = Converters.Item.class, description = "user:<id or UPN>, site:<id> or group:<id>")
    ProtectedItem item;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PATH",
            description = "one workload (mail, calendar, contacts, files), one folder or file of the files: files/<drive>/<folder>/...,"
                    + " or one folder or message of the mail: mail/<folder>/.../[<message id>]")
    String path;

    @Mixin
    MailOptions.At at;

    @Option(names = "--to-item", paramLabel = "ITEM", converter = Converters.Item.class,
            description = "restore into another mailbox (user:<id or UPN>) or drive (files: user:<id or UPN>, site:<id>, group:<id>)")
    ProtectedItem toItem;

    @Option(names = "--folder", paramLabel = "NAME", arity = "0..1", fallbackValue = "",
            description = "restore the folder tree under this top-level folder (found or made), calendars as 'NAME/<calendar>';"
                    + " without NAME, 'Restored <time>'")
    String folder;

    @Option(names = "--workloads", split = ",", paramLabel = "W",
            description = "into the tenant: mail (a user's default), calendar, contacts, files (a site's or group's default), lists, pages")
    java.util.List<String> workloads;

    @Option(names = "--skip-existing", description = "into the tenant: leave out what the target folder or calendar already holds (a message"
            + " by internetMessageId, an event by subject, kind, start and end, a contact by name and first e-mail address, a file by"
            + " name, size and quickXorHash, a list item by its values, a page by name and title);"
            + " by default it is restored as a duplicate")
    boolean skipExisting;

    @Option(names = "--versions", description = "files: restore each file's earlier versions the backup kept (backup's files.versions)"
            + " as versions of its copy, oldest first, then the current one")
    boolean versions;

    @Option(names = "--export", description = "restore as a zip in the exports container, with a download link")
    boolean export;

    @Mixin
    MailOptions.Format format;

    @Mixin
    SearchOptions search;

    @Override
    public Integer call() throws Exception {
        if (export && (toItem != null || folder != null || skipExisting || versions)) {
            throw usage("--export writes a zip; --to-item, --folder, --skip-existing and --versions name a place in the tenant");
        }
        // The search's options checked as the CLI names them, before the repository is opened.
        search.scope();
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
            if (!export) {
                return TenantReport.print(out, done);
            }
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
            String[] parts = path.split("/", 2);
            Workload w = Workload.parse(parts[0]);
            r.putArray("workloads").add(w.id());
            if (parts.length > 1 && !parts[1].isBlank()) {
                if (w != Workload.FILES && w != Workload.MAIL) {
                    throw usage("PATH " + path + ": only the files and the mail narrow to one folder or item (files/<drive>/<folder>/...,"
                            + " mail/<folder>/.../<message id>)");
                }
                r.put("path", parts[1]);
            }
        }
        r.put("at", t.toString());
        if (search.json() != null) {
            r.set("filters", search.json());
        }
        r.put("target", export ? "export" : toItem != null ? "alternate" : "original");
        if (export) {
            r.put("format", format.format.name().toLowerCase(java.util.Locale.ROOT));
            return r.toString();
        }
        if (workloads != null) {
            workloads.forEach(r.withArray("workloads")::add);
        }
        if (toItem != null) {
            r.put("toItem", toItem.toString());
        }
        if (folder != null) {
            r.put("folder", folder.isEmpty() ? "Restored " + TenantReport.FOLDER_TIME.format(t) : folder);
        }
        r.put("skipExisting", skipExisting);
        r.put("versions", versions);
        return r.toString();
    }
}
