package io.m365vault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.ItemKind;
import io.m365vault.repo.CatalogEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A search over the catalog's metadata, for an export or a tenant restore: {@code subject} (a
 * message's or event's), {@code from} (a message's sender or an event's organizer, address or
 * name), {@code name} (a file's, contact's, list item's or page's), each a case-insensitive
 * substring; {@code after} (inclusive) and {@code before} (exclusive) on the item's date (a
 * message's received time, an event's start, a file's modified time, a contact's, list item's or
 * page's last change). Every field given must match; an item of a kind that has no such field
 * does not. The metadata is the Graph JSON the point-in-time listing already opens, so a search
 * costs no read beyond the listing itself.
 */
public record SearchScope(String subject, String from, String name, Instant after, Instant before) {
    public static final SearchScope ALL = new SearchScope(null, null, null, null, null);
    /** The kinds a search picks; the others are folders on their way or parts of them. */
    private static final Set<String> ITEMS = Set.of(ItemKind.MESSAGE, ItemKind.EVENT, ItemKind.CONTACT, ItemKind.FILE, ItemKind.LIST_ITEM,
            ItemKind.SITE_PAGE);
    /** Rows that go with the item they hang under: attachments and earlier versions. */
    private static final Set<String> PARTS = Set.of(ItemKind.EVENT_ATTACHMENT, ItemKind.FILE_VERSION, ItemKind.LIST_ATTACHMENT);

    public SearchScope {
        subject = lower(subject);
        from = lower(from);
        name = lower(name);
        if (after != null && before != null && !after.isBefore(before)) {
            throw new IllegalArgumentException("after (" + after + ") must be earlier than before (" + before + ")");
        }
    }

    /** Whether anything is asked for: {@link #ALL} keeps every row as it is, empty folders too. */
    public boolean narrows() {
        return subject != null || from != null || name != null || after != null || before != null;
    }

    /** What is asked, as the request names it: {@code subject~"report", after 2026-01-01T00:00:00Z}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (subject != null) {
            parts.add("subject~\"" + subject + "\"");
        }
        if (from != null) {
            parts.add("from~\"" + from + "\"");
        }
        if (name != null) {
            parts.add("name~\"" + name + "\"");
        }
        if (after != null) {
            parts.add("after " + after);
        }
        if (before != null) {
            parts.add("before " + before);
        }
        return parts.isEmpty() ? "everything" : String.join(", ", parts);
    }

    /** Whether a row of a kind a search picks matches; folders and parts are decided by {@link #apply}. */
    public boolean matches(CatalogEntry e) {
        if (!ITEMS.contains(e.kind())) {
            return false;
        }
        JsonNode m = GraphJson.of(e);
        return contains(subject, subjectOf(e.kind(), m)) && contains(name, nameOf(e.kind(), m)) && fromMatches(e.kind(), m)
                && inRange(dateOf(e.kind(), m));
    }

    /**
     * The rows a search keeps of one workload's point-in-time listing: the matching items, their
     * parts, and the folders (drives, calendars, lists) on their way up; nothing else, so no empty
     * folder is written. {@link #ALL} returns the rows as they are.
     */
    public List<CatalogEntry> apply(List<CatalogEntry> rows) {
        return narrows() ? keep(rows, this::matches) : rows;
    }

    /** The items {@code picked} of one workload's rows, with their parts and the folders on their way up, in the rows' order. */
    public static List<CatalogEntry> keep(List<CatalogEntry> rows, Predicate<CatalogEntry> picked) {
        Map<String, CatalogEntry> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.itemId(), r));
        Set<String> kept = new HashSet<>();
        for (CatalogEntry r : rows) {
            if (ITEMS.contains(r.kind()) && picked.test(r)) {
                // Up the parents; a chain that loops stops where it has been.
                CatalogEntry cur = r;
                while (cur != null && kept.add(cur.itemId())) {
                    cur = cur.parent() == null ? null : byId.get(cur.parent());
                }
            }
        }
        List<CatalogEntry> out = new ArrayList<>();
        for (CatalogEntry r : rows) {
            boolean partOfKept = PARTS.contains(r.kind()) && r.parent() != null && kept.contains(r.parent())
                    && ITEMS.contains(byId.get(r.parent()).kind());
            if (kept.contains(r.itemId()) || partOfKept) {
                out.add(r);
            }
        }
        return out;
    }

    private boolean fromMatches(String kind, JsonNode m) {
        if (from == null) {
            return true;
        }
        JsonNode who = switch (kind) {
            case ItemKind.MESSAGE -> m.path("from").isMissingNode() ? m.path("sender") : m.path("from");
            case ItemKind.EVENT -> m.path("organizer");
            default -> null;
        };
        return who != null && (contains(from, GraphJson.text(who, "emailAddress", "address")) || contains(from, GraphJson.text(who, "emailAddress", "name")));
    }

    private boolean inRange(Instant t) {
        if (after == null && before == null) {
            return true;
        }
        return t != null && (after == null || !t.isBefore(after)) && (before == null || t.isBefore(before));
    }

    private static String subjectOf(String kind, JsonNode m) {
        return ItemKind.MESSAGE.equals(kind) || ItemKind.EVENT.equals(kind) ? GraphJson.text(m, "subject") : null;
    }

    private static String nameOf(String kind, JsonNode m) {
        return switch (kind) {
            case ItemKind.FILE -> GraphJson.text(m, "name");
            case ItemKind.CONTACT -> GraphJson.text(m, "displayName");
            case ItemKind.LIST_ITEM -> GraphJson.text(m, "fields", "Title");
            case ItemKind.SITE_PAGE -> GraphJson.text(m, "title") != null ? GraphJson.text(m, "title") : GraphJson.text(m, "name");
            default -> null;
        };
    }

    /** The date a search's range is on: what a person would call the item's date; null when it has none that reads. */
    private static Instant dateOf(String kind, JsonNode m) {
        try {
            return switch (kind) {
                case ItemKind.MESSAGE -> first(time(m, "receivedDateTime"), time(m, "sentDateTime"));
                case ItemKind.EVENT -> EventTimes.of(m).start();
                case ItemKind.FILE -> first(time(m.path("fileSystemInfo"), "lastModifiedDateTime"), time(m, "lastModifiedDateTime"));
                default -> time(m, "lastModifiedDateTime");
            };
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static Instant time(JsonNode m, String field) {
        String s = GraphJson.text(m, field);
        return s == null ? null : EventTimes.instant(s);
    }

    private static Instant first(Instant a, Instant b) {
        return a != null ? a : b;
    }

    private static boolean contains(String wanted, String value) {
        return wanted == null || (value != null && value.toLowerCase(Locale.ROOT).contains(wanted));
    }

    private static String lower(String s) {
        return s == null || s.isBlank() ? null : s.toLowerCase(Locale.ROOT);
    }
}
