package io.m365vault.restore.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.Json;
import io.m365vault.graph.DeltaPager;
import io.m365vault.graph.GraphReader;
import io.m365vault.restore.EventTimes;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What a target folder (or calendar) holds, listed once per folder, so a restore asked to skip
 * what is there leaves those items out; items it restores are added as it goes, from the threads
 * that write them. An item is known by a key of what survives a copy: a message by its
 * internetMessageId, an event (whose copy gets a new id and iCalUId) by its kind, subject, start
 * and end, a contact by its name and first e-mail address.
 */
final class ExistingItems {
    private final DeltaPager pager;
    private final Function<String, String> listing;
    private final Function<JsonNode, String> keyOf;
    private final Map<String, Set<String>> byFolder = new HashMap<>();

    /** @param listing the first page's path of a folder's items (null: the default folder), asking for what {@code keyOf} reads */
    private ExistingItems(GraphReader graph, Function<String, String> listing, Function<JsonNode, String> keyOf) {
        this.pager = new DeltaPager(graph);
        this.listing = listing;
        this.keyOf = keyOf;
    }

    static ExistingItems messages(GraphReader graph, String userId) {
        return new ExistingItems(graph, f -> "users/" + Json.seg(userId) + "/mailFolders/" + Json.seg(f) + "/messages?$select=internetMessageId",
                m -> Json.text(m, "internetMessageId"));
    }

    static ExistingItems events(GraphReader graph, String userId) {
        return new ExistingItems(graph, c -> "users/" + Json.seg(userId) + "/calendars/" + Json.seg(c) + "/events?$select=subject,start,end,type,isAllDay",
                ExistingItems::eventKey);
    }

    static ExistingItems contacts(GraphReader graph, String userId) {
        return new ExistingItems(graph, f -> "users/" + Json.seg(userId) + (f == null ? "" : "/contactFolders/" + Json.seg(f))
                + "/contacts?$select=displayName,emailAddresses", ExistingItems::contactKey);
    }

    /** A drive folder's files (null: the root) by name, size and quickXorHash: the same bytes under the same name. */
    static ExistingItems files(GraphReader graph, String driveId) {
        return new ExistingItems(graph, f -> "drives/" + Json.seg(driveId) + "/items/" + (f == null ? "root" : Json.seg(f))
                + "/children?$select=name,size,file", ExistingItems::fileKey);
    }

    /** Null for a folder, which has no {@code file} facet: only files are skipped. */
    static String fileKey(JsonNode f) {
        String hash = f.path("file").path("hashes").path("quickXorHash").asText(null);
        return f.has("file") && hash != null ? f.path("name").asText() + "|" + f.path("size").asLong() + "|" + hash : null;
    }

    /** Whether the folder holds an item of this key (the key of the backed-up item); a null key never matches. */
    synchronized boolean holds(String folderId, String key) throws IOException {
        return key != null && of(folderId).contains(key);
    }

    synchronized void added(String folderId, String key) throws IOException {
        if (key != null) {
            of(folderId).add(key);
        }
    }

    /** The key of an item as the listing or the backup has its Graph JSON. */
    String key(JsonNode item) {
        return keyOf.apply(item);
    }

    static String eventKey(JsonNode e) {
        EventTimes t = EventTimes.of(e);
        boolean series = "seriesMaster".equals(Json.text(e, "type"));
        return (series ? "series|" : "single|") + e.path("subject").asText("") + "|" + t.start() + "|" + t.end();
    }

    static String contactKey(JsonNode c) {
        return c.path("displayName").asText("") + "|" + c.path("emailAddresses").path(0).path("address").asText("");
    }

    private Set<String> of(String folderId) throws IOException {
        Set<String> keys = byFolder.get(folderId);
        if (keys != null) {
            return keys;
        }
        Set<String> found = new HashSet<>();
        pager.list(listing.apply(folderId), page -> {
            for (JsonNode item : page.items()) {
                String k = keyOf.apply(item);
                if (k != null) {
                    found.add(k);
                }
            }
        });
        byFolder.put(folderId, found);
        return found;
    }
}
