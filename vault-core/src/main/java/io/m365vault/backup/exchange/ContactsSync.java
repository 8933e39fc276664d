package io.m365vault.backup.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.Collection;
import io.m365vault.backup.CollectionSync;
import io.m365vault.backup.Containers;
import io.m365vault.backup.Json;
import io.m365vault.backup.SyncContext;
import io.m365vault.backup.WorkloadSync;
import io.m365vault.graph.DeltaPager;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Contacts: the contact folder tree by listing (Graph has no delta for contact folders), then a
 * contacts delta for the default folder and for each folder, with each changed contact's photo.
 */
public final class ContactsSync implements WorkloadSync {
    static final String FOLDERS = "contactFolders";
    static final String CONTACTS = "contacts:";
    static final String DEFAULT_FOLDER = "default";

    @Override
    public void run(SyncContext ctx) throws IOException {
        String base = ctx.base();
        CollectionSync sync = new CollectionSync(ctx);
        List<JsonNode> folders = folderTree(new DeltaPager(ctx.graph()), base);
        sync.replaceAll(Collection.listing(FOLDERS, base + "/contactFolders", new ContactFolderShape(), null), folders);
        ContactShape contacts = new ContactShape(base);
        sync.run(Collection.delta(CONTACTS + DEFAULT_FOLDER, base + "/contacts/delta()", contacts, null));
        Containers.each(sync, folders.stream().map(f -> f.get("id").asText()).toList(), "folders", id -> Collection.delta(CONTACTS + id,
                base + "/contactFolders/" + Json.seg(id) + "/contacts/delta()", contacts, id));
    }

    @Override
    public List<String> stateKeysOf(String containerId) {
        return List.of(CONTACTS + containerId);
    }

    private static List<JsonNode> folderTree(DeltaPager pager, String base) throws IOException {
        List<JsonNode> all = new ArrayList<>();
        Deque<String> lists = new ArrayDeque<>(List.of(base + "/contactFolders"));
        while (!lists.isEmpty()) {
            for (JsonNode f : pager.all(lists.pop())) {
                all.add(f);
                lists.add(base + "/contactFolders/" + Json.seg(f.get("id").asText()) + "/childFolders");
            }
        }
        return all;
    }
}
