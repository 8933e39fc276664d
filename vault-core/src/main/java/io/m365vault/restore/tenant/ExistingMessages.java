package io.m365vault.restore.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.Json;
import io.m365vault.graph.GraphRequests;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The internetMessageIds a target folder holds, listed once per folder, so a restore asked to
 * skip what is there leaves those messages out; messages it restores are added as it goes, from
 * the threads that write them.
 */
final class ExistingMessages {
    private final GraphRequests graph;
    private final String mailbox;
    private final Map<String, Set<String>> byFolder = new HashMap<>();

    ExistingMessages(GraphRequests graph, String userId) {
        this.graph = graph;
        this.mailbox = "/users/" + Json.seg(userId);
    }

    synchronized boolean holds(String folderId, String internetMessageId) throws IOException {
        return internetMessageId != null && of(folderId).contains(internetMessageId);
    }

    synchronized void added(String folderId, String internetMessageId) throws IOException {
        if (internetMessageId != null) {
            of(folderId).add(internetMessageId);
        }
    }

    private Set<String> of(String folderId) throws IOException {
        Set<String> ids = byFolder.get(folderId);
        if (ids != null) {
            return ids;
        }
        ids = new HashSet<>();
        String next = mailbox + "/mailFolders/" + Json.seg(folderId) + "/messages?$select=internetMessageId&$top=1000";
        while (next != null) {
            JsonNode page = graph.getJson(next, Map.of());
            for (JsonNode m : page.path("value")) {
                if (m.hasNonNull("internetMessageId")) {
                    ids.add(m.get("internetMessageId").asText());
                }
            }
            next = page.hasNonNull("@odata.nextLink") ? page.get("@odata.nextLink").asText() : null;
        }
        byFolder.put(folderId, ids);
        return ids;
    }
}
