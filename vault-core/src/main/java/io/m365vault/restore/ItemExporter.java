package io.m365vault.restore;

import io.m365vault.backup.ItemKind;
import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import io.m365vault.repo.CatalogEntry;
import io.m365vault.repo.ContentReader;
import io.m365vault.repo.Repository;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A protected item as it was at one point in time, exported to a directory: a user's mailbox and
 * OneDrive, a site's files, lists and pages, a group's files.
 * <pre>
 * mail/&lt;folder&gt;/&lt;subfolder&gt;/&lt;subject&gt; ~&lt;tag&gt;.eml   (or mail/&lt;folder&gt;.mbox, mboxrd)
 * calendar/&lt;calendar&gt;.ics                          (+ calendar/&lt;calendar&gt;.attachments/...)
 * contacts/&lt;folder&gt;.vcf
 * files/&lt;drive&gt;/&lt;folder&gt;/.../&lt;file&gt;              (modified times as in the drive)
 * lists/&lt;list&gt;/schema.json, items.json, items.csv
 * pages/&lt;page&gt;/page.json, page.html
 * manifest.json                                     (written last)
 * </pre>
 * Items that cannot be read are named in the result and the manifest; the others are exported.
 */
public final class ItemExporter {
    private static final Logger LOG = LoggerFactory.getLogger(ItemExporter.class);

    private final Clock clock;

    public ItemExporter() {
        this(Clock.systemUTC());
    }

    public ItemExporter(Clock clock) {
        this.clock = clock;
    }

    public ExportResult export(Repository repo, ProtectedItem user, Instant at, Path dir, ExportOptions options) {
        String lacking = ExportOptions.lacking(user, options.workloads());
        if (lacking != null) {
            throw new ExportException(lacking);
        }
        Map<Workload, Rows> rows = new EnumMap<>(Workload.class);
        for (Workload w : ExportOptions.EXPORTABLE) {
            if (options.workloads().contains(w)) {
                rows.put(w, Rows.list(repo, user.partition(w), at, w == Workload.MAIL ? options.mailPath() : null, options.search()));
            }
        }
        if (rows.values().stream().allMatch(Rows::isEmpty) && options.search().narrows()) {
            throw new ExportException("nothing of " + user + " at " + at + " matches the search (" + options.search().describe() + ")");
        }
        if (rows.values().stream().allMatch(Rows::isEmpty)) {
            throw new ExportException("nothing of " + user + " is in repository " + repo.name() + " at " + at + " (no "
                    + options.workloads().stream().map(Workload::id).sorted().collect(Collectors.joining(", "))
                    + "): check the protected item and the time");
        }
        ExportTarget target = ExportTarget.prepare(dir, options.overwrite());
        ExportLedger ledger = new ExportLedger(options.progress());
        rows.values().forEach(r -> ledger.expect(r.itemCount()));
        LOG.info("export start item={} at={} dir={} format={}", user, at, target.root(), options.mailFormat());
        ContentReader reader = repo.reader();
        try {
            Rows mail = rows.get(Workload.MAIL);
            if (mail != null && !mail.isEmpty()) {
                List<CatalogEntry> folders = mail.of(ItemKind.MAIL_FOLDER);
                MailFolderTree tree = new MailFolderTree(folders);
                folders.forEach(f -> ledger.exported(ItemKind.MAIL_FOLDER));
                new MailExport(reader, target, ledger).export(tree, mail.messages, options.mailFormat());
            }
            Rows cal = rows.get(Workload.CALENDAR);
            if (cal != null && !cal.isEmpty()) {
                new CalendarExport(reader, target, ledger, at)
                        .export(cal.of(ItemKind.CALENDAR), cal.of(ItemKind.EVENT), cal.of(ItemKind.EVENT_ATTACHMENT));
            }
            Rows contacts = rows.get(Workload.CONTACTS);
            if (contacts != null && !contacts.isEmpty()) {
                new ContactsExport(reader, target, ledger).export(contacts.of(ItemKind.CONTACT_FOLDER), contacts.of(ItemKind.CONTACT));
            }
            Rows files = rows.get(Workload.FILES);
            if (files != null && !files.isEmpty()) {
                new FilesExport(reader, target, ledger).export(files.others, options.filesPath());
            } else if (options.filesPath() != null) {
                throw new ExportException("no files of " + user + " are backed up at " + at + ", so none of " + options.filesPath());
            }
            Rows lists = rows.get(Workload.LISTS);
            if (lists != null && !lists.isEmpty()) {
                new ListsExport(reader, target, ledger).export(lists.of(ItemKind.LIST), lists.of(ItemKind.LIST_ITEM), lists.of(ItemKind.LIST_ATTACHMENT));
            }
            Rows pages = rows.get(Workload.PAGES);
            if (pages != null && !pages.isEmpty()) {
                new PagesExport(reader, target, ledger).export(pages.of(ItemKind.SITE_PAGE));
            }
            target.cleanUp();
            ExportResult result = new ExportResult(user, at, target.root(), ledger.items(), ledger.files(), ledger.bytes(),
                    ledger.failures());
            Manifest.write(target.root().resolve(ExportTarget.MANIFEST), result, options.mailFormat(), clock.instant());
            LOG.info("export done item={} at={} files={} bytes={} failures={}", user, at, result.files().size(),
                    result.bytes(), result.failures().size());
            return result;
        } catch (IOException e) {
            throw new ExportException("export of " + user + " to " + target.root() + " failed: " + e.getMessage(), e);
        }
    }

    /** The catalog rows of one workload at the point in time; messages kept slim. */
    private static final class Rows {
        final List<MessageRow> messages = new ArrayList<>();
        final List<CatalogEntry> others = new ArrayList<>();

        /** @param mailPath the one folder or message of the mail, or null */
        static Rows list(Repository repo, String partition, Instant at, String mailPath, SearchScope search) {
            Rows r = new Rows();
            if (mailPath == null && !search.narrows()) {
                repo.catalog().at(partition, at, r::add);
                return r;
            }
            // Narrowed: the whole listing is held once (its Graph JSON too) to find the folders on the way.
            List<CatalogEntry> all = repo.catalog().at(partition, at);
            try {
                all = mailPath == null ? all : MailPath.narrow(all, mailPath);
            } catch (IllegalArgumentException e) {
                throw new ExportException(e.getMessage());
            }
            search.apply(all).forEach(r::add);
            return r;
        }

        private void add(CatalogEntry e) {
            if (ItemKind.MESSAGE.equals(e.kind())) {
                messages.add(MessageRow.of(e));
            } else {
                others.add(e);
            }
        }

        List<CatalogEntry> of(String kind) {
            return others.stream().filter(e -> kind.equals(e.kind())).toList();
        }

        boolean isEmpty() {
            return messages.isEmpty() && others.isEmpty();
        }

        long itemCount() {
            return messages.size() + others.size();
        }
    }
}
