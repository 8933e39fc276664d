package io.m365vault.backup.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.ItemKind;

/** A contact folder (listed: Graph has no delta for them); its contacts close with it. */
final class ContactFolderShape extends OutlookShape {
    ContactFolderShape() {
        super(ItemKind.CONTACT_FOLDER);
    }

    @Override
    public String version(JsonNode item) {
        return fields(item, "displayName", "parentFolderId");
    }
}
