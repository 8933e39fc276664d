package io.m365vault.backup.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.ItemKind;
import io.m365vault.backup.ItemShape;

/** A mail folder: a new version when renamed, moved or hidden, not when its item counts change. */
final class MailFolderShape implements ItemShape {
    @Override
    public String kind() {
        return ItemKind.MAIL_FOLDER;
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
        return Outlook.fields(item, "displayName", "parentFolderId", "isHidden");
    }
}
