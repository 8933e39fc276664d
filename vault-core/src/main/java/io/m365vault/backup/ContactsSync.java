package io.m365vault.backup;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Contacts: the contact folder tree by listing (Graph has no delta for contact folders), then a
 * contacts delta for the default folder and for each folder, with each changed contact's photo.
 */
public final class ContactsSync {
    static final String FOLDERS = "contactFolders";
    static final String CONTACTS = "contacts:";
    static final String DEFAULT_FOLDER = "default";

    private final SyncContext ctx;

    public ContactsSync(SyncContext ctx) {
        this.ctx = ctx;
    }

    public void run() throws IOException {
        String user = "users/" + ctx.item().id();
        DeltaSync sync = new DeltaSync(ctx);
        List<JsonNode> folders = folderTree(user);
        sync.replaceAll(new DeltaCollection(FOLDERS, user + "/contactFolders", ItemKind.CONTACT_FOLDER, null, null), folders);
        DeltaCollection.ContentSource photo = DeltaCollection.ContentSource.of(
                c -> user + "/contacts/" + c.get("id").asText() + "/photo/$value", c -> true);
        sync.run(new DeltaCollection(CONTACTS + DEFAULT_FOLDER, user + "/contacts/delta()", ItemKind.CONTACT, null, photo));
        for (JsonNode f : folders) {
            String id = f.get("id").asText();
            sync.run(new DeltaCollection(CONTACTS + id, user + "/contactFolders/" + id + "/contacts/delta()",
                    ItemKind.CONTACT, id, photo));
        }
    }

    private List<JsonNode> folderTree(String user) throws IOException {
        List<JsonNode> all = new ArrayList<>();
        Deque<String> lists = new ArrayDeque<>(List.of(user + "/contactFolders"));
        while (!lists.isEmpty()) {
            for (JsonNode f : Listing.all(ctx.graph(), lists.pop())) {
                all.add(f);
                lists.add(user + "/contactFolders/" + f.get("id").asText() + "/childFolders");
            }
        }
        return all;
    }
}
