package io.m365vault.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.ItemKind;
import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import io.m365vault.repo.CatalogEntry;
import io.m365vault.repo.Repository;
import io.m365vault.restore.EventTimes;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds an item's versions at a point in time by what a person remembers of them: words of the
 * subject or name, the sender (name or address), a date range. Read-only, over the catalog's
 * metadata alone (no content is read); each hit carries the browse path of its folder, so
 * {@link ItemBrowser} can open it there.
 */
public final class ItemSearch {
    /** At most this many hits, newest first; the answer says when there were more. */
    public static final int MAX_HITS = 200;
    /** Rows that never show in a browse (they hang under an item, not a folder). */
    private static final Set<String> HIDDEN = Set.of(ItemKind.EVENT_ATTACHMENT, ItemKind.FILE_VERSION, ItemKind.LIST_ATTACHMENT);

    private final Repository repo;

    public ItemSearch(Repository repo) {
        this.repo = repo;
    }

    /** One match: where it is ({@code path}, the folder to browse), what it is and when. */
    public record Hit(String path, BrowseEntry entry, String sender, Instant date) { }

    /** The matches (at most {@link #MAX_HITS}, newest first) and whether more were left out. */
    public record Result(List<Hit> hits, boolean more) { }

    /**
     * {@code words} must all occur (case-insensitively) in the name or the sender; {@code from}
     * is inclusive, {@code to} exclusive; null leaves a criterion out.
     */
    public Result search(ProtectedItem item, Instant at, String words, Instant from, Instant to) {
        List<String> terms = words == null ? List.of() : List.of(words.toLowerCase(Locale.ROOT).trim().split("\\s+"))
                .stream().filter(t -> !t.isEmpty()).toList();
        List<Hit> hits = new ArrayList<>();
        for (Workload w : Workload.values()) {
            List<CatalogEntry> rows = repo.catalog().at(item.partition(w), at);
            Map<String, CatalogEntry> byId = new HashMap<>();
            rows.forEach(r -> byId.put(r.itemId(), r));
            for (CatalogEntry r : rows) {
                if (HIDDEN.contains(r.kind())) {
                    continue;
                }
                JsonNode meta = ItemBrowser.metadata(r);
                String name = ItemBrowser.name(meta, r.itemId());
                String sender = sender(meta);
                Instant date = date(meta, r.validFrom());
                String text = (name + " " + (sender == null ? "" : sender)).toLowerCase(Locale.ROOT);
                if (terms.stream().allMatch(text::contains) && (from == null || !date.isBefore(from)) && (to == null || date.isBefore(to))) {
                    BrowseEntry e = new BrowseEntry(r.itemId(), r.kind(), name, ItemBrowser.FOLDERS.contains(r.kind()), r.size(),
                            r.validFrom(), r.validTo());
                    hits.add(new Hit(path(w, r, byId), e, sender, date));
                }
            }
        }
        hits.sort(Comparator.comparing(Hit::date).reversed().thenComparing(h -> h.entry().name()));
        return hits.size() > MAX_HITS ? new Result(List.copyOf(hits.subList(0, MAX_HITS)), true) : new Result(hits, false);
    }

    /** The browse path of the row's folder: the workload, then folder names as {@link ItemBrowser} takes them. */
    private static String path(Workload w, CatalogEntry row, Map<String, CatalogEntry> byId) {
        LinkedList<String> names = new LinkedList<>();
        Set<String> seen = new HashSet<>();
        for (CatalogEntry p = byId.get(row.parent()); p != null && seen.add(p.itemId()); p = byId.get(p.parent())) {
            boolean driveRoot = ItemKind.DRIVE_FOLDER.equals(p.kind()) && byId.containsKey(p.parent())
                    && ItemKind.DRIVE.equals(byId.get(p.parent()).kind());
            if (ItemBrowser.FOLDERS.contains(p.kind()) && !driveRoot) {
                names.addFirst(ItemBrowser.name(p));
            }
        }
        names.addFirst(w.id());
        return String.join("/", names);
    }

    /** A message's sender, an event's organizer: "name <address>". */
    private static String sender(JsonNode meta) {
        JsonNode a = meta.path("from").path("emailAddress");
        if (a.isMissingNode()) {
            a = meta.path("organizer").path("emailAddress");
        }
        String name = a.path("name").asText("");
        String address = a.path("address").asText("");
        if (name.isEmpty() && address.isEmpty()) {
            return null;
        }
        return address.isEmpty() ? name : name.isEmpty() ? address : name + " <" + address + ">";
    }

    /**
     * When the item happened as a person dates it: a message's receivedDateTime (sentDateTime for
     * a draft), an event's start (in its time zone, Windows or IANA, as export reads it), else its
     * last change; the version's start when the JSON has none of these.
     */
    static Instant date(JsonNode meta, Instant otherwise) {
        Instant t = first(meta, "receivedDateTime", "sentDateTime");
        if (t == null && meta.path("start").isObject()) {
            try {
                t = EventTimes.of(meta).start();
            } catch (RuntimeException unreadable) {
                t = null; // dated by its last change instead
            }
        }
        if (t == null) {
            t = first(meta, "lastModifiedDateTime", "createdDateTime");
        }
        return t != null ? t : otherwise;
    }

    private static Instant first(JsonNode meta, String... fields) {
        for (String f : fields) {
            String s = meta.path(f).asText(null);
            if (s != null) {
                try {
                    return EventTimes.instant(s);
                } catch (DateTimeParseException notATime) {
                    // the next field, if any
                }
            }
        }
        return null;
    }
}
