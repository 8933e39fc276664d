package io.m365vault.restore;

import io.m365vault.backup.Workload;
import java.util.EnumSet;
import java.util.Set;

/**
 * What an export writes: the mail format, which of the mailbox's workloads, whether it may replace
 * an earlier export in the same directory, and who hears of progress.
 */
public record ExportOptions(MailFormat mailFormat, Set<Workload> workloads, boolean overwrite, ExportProgress progress) {
    public static final Set<Workload> MAILBOX = Set.of(Workload.MAIL, Workload.CALENDAR, Workload.CONTACTS);

    public ExportOptions {
        if (workloads.isEmpty()) {
            throw new IllegalArgumentException("an export needs at least one of mail, calendar, contacts");
        }
        for (Workload w : workloads) {
            if (!MAILBOX.contains(w)) {
                throw new IllegalArgumentException("a mailbox export writes mail, calendar or contacts, not " + w.id());
            }
        }
        workloads = Set.copyOf(EnumSet.copyOf(workloads));
    }

    /** .eml files, every mailbox workload, into an empty or new directory, no progress. */
    public static ExportOptions defaults() {
        return new ExportOptions(MailFormat.EML, MAILBOX, false, ExportProgress.NONE);
    }

    public ExportOptions withMailFormat(MailFormat f) {
        return new ExportOptions(f, workloads, overwrite, progress);
    }

    public ExportOptions withWorkloads(Set<Workload> w) {
        return new ExportOptions(mailFormat, w, overwrite, progress);
    }

    public ExportOptions withOverwrite(boolean o) {
        return new ExportOptions(mailFormat, workloads, o, progress);
    }

    public ExportOptions withProgress(ExportProgress p) {
        return new ExportOptions(mailFormat, workloads, overwrite, p);
    }
}
