package io.m365vault.restore.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.Json;
import io.m365vault.graph.DeltaPager;
import io.m365vault.graph.GraphReader;
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
    private final DeltaPager pager;
    private final String mailbox;
    private final Map<String, Set<String>> byFolder = new HashMap<>();

    ExistingMessages(GraphReader graph, String userId) {
        this.pager = new DeltaPager(graph);
        this.mailbox = "users/" + Json.seg(userId);
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
        Set<String> found = new HashSet<>();
        pager.list(mailbox + "/mailFolders/" + Json.seg(folderId) + "/messages?$select=internetMessageId", page -> {
            for (JsonNode m : page.items()) {
                if (m.hasNonNull("internetMessageId")) {
                    found.add(m.get("internetMessageId").asText());
                }
            }
        });
        byFolder.put(folderId, found);
        return found;
    }
}
