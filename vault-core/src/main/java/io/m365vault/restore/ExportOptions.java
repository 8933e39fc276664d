package io.m365vault.restore;

import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import java.util.EnumSet;
import java.util.Set;

/**
 * What an export writes: the mail format, which of the item's workloads, the one folder or file of
 * its files to write ({@code filesPath}: {@code <drive>/<folder>/...}, null for all), whether it
 * may replace an earlier export in the same directory, who hears of progress, the one folder or
 * message of the mail ({@code mailPath}, {@link MailPath}) and a search over the metadata
 * ({@link SearchScope}).
 */
public record ExportOptions(MailFormat mailFormat, Set<Workload> workloads, boolean overwrite, ExportProgress progress, String filesPath,
                            String mailPath, SearchScope search) {
    public static final Set<Workload> MAILBOX = Set.of(Workload.MAIL, Workload.CALENDAR, Workload.CONTACTS);
    /** What an export can write: the mailbox's workloads, files, a site's lists and pages. */
    public static final Set<Workload> EXPORTABLE = Set.of(Workload.MAIL, Workload.CALENDAR, Workload.CONTACTS, Workload.FILES,
            Workload.LISTS, Workload.PAGES);
    private static final Set<Workload> USER = Set.of(Workload.MAIL, Workload.CALENDAR, Workload.CONTACTS, Workload.FILES);
    private static final Set<Workload> SITE = Set.of(Workload.FILES, Workload.LISTS, Workload.PAGES);

    public ExportOptions {
        if (workloads.isEmpty()) {
            throw new IllegalArgumentException("an export needs at least one of mail, calendar, contacts, files, lists, pages");
        }
        for (Workload w : workloads) {
            if (!EXPORTABLE.contains(w)) {
                throw new IllegalArgumentException("an export writes mail, calendar, contacts, files, lists or pages, not " + w.id());
            }
        }
        workloads = Set.copyOf(EnumSet.copyOf(workloads));
        if (filesPath != null) {
            filesPath = filesPath.replaceAll("^/+|/+$", "");
            if (filesPath.isEmpty()) {
                filesPath = null;
            }
        }
        if (mailPath != null && mailPath.replace("/", "").isBlank()) {
            mailPath = null;
        }
        search = search == null ? SearchScope.ALL : search;
    }

    /** Everything an item of this kind has: a user's mailbox and OneDrive, a site's files, lists and pages, a group's files. */
    public static Set<Workload> everything(ProtectedItem item) {
        return switch (item.kind()) {
            case "user" -> USER;
            case "site" -> SITE;
            default -> Set.of(Workload.FILES);
        };
    }

    /** Why {@code item} has none of some of {@code workloads} (a site has no mail), or null when it may have them all. */
    public static String lacking(ProtectedItem item, Set<Workload> workloads) {
        Set<Workload> has = everything(item);
        if (has.containsAll(workloads)) {
            return null;
        }
        return item + " has " + has.stream().map(Workload::id).sorted().collect(java.util.stream.Collectors.joining(", "))
                + " only; it has no " + workloads.stream().filter(w -> !has.contains(w)).map(Workload::id).sorted()
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** .eml files, every mailbox workload, into an empty or new directory, no progress. */
    public static ExportOptions defaults() {
        return new ExportOptions(MailFormat.EML, MAILBOX, false, ExportProgress.NONE, null, null, SearchScope.ALL);
    }

    public ExportOptions withMailFormat(MailFormat f) {
        return new ExportOptions(f, workloads, overwrite, progress, filesPath, mailPath, search);
    }

    public ExportOptions withWorkloads(Set<Workload> w) {
        return new ExportOptions(mailFormat, w, overwrite, progress, filesPath, mailPath, search);
    }

    public ExportOptions withOverwrite(boolean o) {
        return new ExportOptions(mailFormat, workloads, o, progress, filesPath, mailPath, search);
    }

    public ExportOptions withProgress(ExportProgress p) {
        return new ExportOptions(mailFormat, workloads, overwrite, p, filesPath, mailPath, search);
    }

    /** Only this folder or file of the files (display names, {@code <drive>/<folder>/.../<name>}). */
    public ExportOptions withFilesPath(String path) {
        return new ExportOptions(mailFormat, workloads, overwrite, progress, path, mailPath, search);
    }

    /** Only this folder or message of the mail (display names, then a message's id). */
    public ExportOptions withMailPath(String path) {
        return new ExportOptions(mailFormat, workloads, overwrite, progress, filesPath, path, search);
    }

    /** Only the items this search picks, with the folders on their way. */
    public ExportOptions withSearch(SearchScope s) {
        return new ExportOptions(mailFormat, workloads, overwrite, progress, filesPath, mailPath, s);
    }
}
