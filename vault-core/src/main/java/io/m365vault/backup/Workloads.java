package io.m365vault.backup;

import io.m365vault.backup.exchange.CalendarSync;
import io.m365vault.backup.exchange.ContactsSync;
import io.m365vault.backup.exchange.MailSync;
import io.m365vault.backup.files.FilesSync;
import io.m365vault.backup.lists.ListsSync;
import io.m365vault.backup.pages.PagesSync;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The workloads the engine backs up, in one table: each with its sync and the catalog kinds it
 * writes, of which some are containers whose children close with them. A new workload adds a
 * row here, its item shapes and its sync; nothing else changes.
 */
public final class Workloads {
    /** One workload: how it syncs, what it writes, and which kinds of protected item have it (null: every kind). */
    public record Entry(Function<BackupOptions, WorkloadSync> sync, Set<String> kinds, Set<String> containers, Set<String> items) {
        Entry(Function<BackupOptions, WorkloadSync> sync, Set<String> kinds, Set<String> containers) {
            this(sync, kinds, containers, null);
        }

        /** Whether an item of this kind has the workload (a user has no lists, they are a site's). */
        public boolean covers(ProtectedItem item) {
            return items == null || items.contains(item.kind());
        }
    }

    private static final Map<Workload, Entry> TABLE = new EnumMap<>(Map.of(
            Workload.MAIL, new Entry(MailSync::new, Set.of(ItemKind.MAIL_FOLDER, ItemKind.MESSAGE), Set.of(ItemKind.MAIL_FOLDER)),
            Workload.CALENDAR, new Entry(o -> new CalendarSync(),
                    Set.of(ItemKind.CALENDAR, ItemKind.EVENT, ItemKind.EVENT_ATTACHMENT), Set.of(ItemKind.CALENDAR, ItemKind.EVENT)),
            Workload.CONTACTS, new Entry(o -> new ContactsSync(),
                    Set.of(ItemKind.CONTACT_FOLDER, ItemKind.CONTACT), Set.of(ItemKind.CONTACT_FOLDER)),
            Workload.FILES, new Entry(o -> new FilesSync(o.fileVersions()),
                    Set.of(ItemKind.DRIVE, ItemKind.DRIVE_FOLDER, ItemKind.FILE, ItemKind.FILE_VERSION),
                    Set.of(ItemKind.DRIVE, ItemKind.DRIVE_FOLDER, ItemKind.FILE)),
            Workload.LISTS, new Entry(o -> new ListsSync(), Set.of(ItemKind.LIST, ItemKind.LIST_ITEM), Set.of(ItemKind.LIST), Set.of("site")),
            Workload.PAGES, new Entry(o -> new PagesSync(), Set.of(ItemKind.SITE_PAGE), Set.of(), Set.of("site"))));

    private static final Set<String> CONTAINERS = new HashSet<>();

    static {
        TABLE.values().forEach(e -> CONTAINERS.addAll(e.containers()));
    }

    private Workloads() {
    }

    /** The workload's row, or empty for a workload the engine does not back up yet. */
    public static Optional<Entry> of(Workload w) {
        return Optional.ofNullable(TABLE.get(w));
    }

    /** The workload whose rows have this catalog kind; empty for a kind no workload writes. */
    public static Optional<Workload> ofKind(String kind) {
        return TABLE.entrySet().stream().filter(e -> e.getValue().kinds().contains(kind)).map(Map.Entry::getKey).findFirst();
    }

    /** Kinds whose items are parents of others (folders, calendars, events). */
    static Set<String> containerKinds() {
        return CONTAINERS;
    }
}
