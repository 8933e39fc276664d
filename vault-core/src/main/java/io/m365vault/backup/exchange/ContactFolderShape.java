package io.m365vault.backup.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.ItemKind;
import io.m365vault.backup.ItemShape;

/** A contact folder (listed: Graph has no delta for them); its contacts close with it. */
final class ContactFolderShape implements ItemShape {
    @Override
    public String kind() {
        return ItemKind.CONTACT_FOLDER;
    }

    @Override
    public boolean removed(JsonNode item) {
        return Outlook.removed(item);
    }

    @Override
    public String parent(JsonNode item) {
        return Outlook.parentFolder(item);
    }

    @Override
    public String version(JsonNode item) {
        return Outlook.fields(item, "displayName", "parentFolderId");
    }
}
