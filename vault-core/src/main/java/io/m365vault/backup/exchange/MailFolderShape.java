package io.m365vault.backup.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.ItemKind;

/** A mail folder: a new version when renamed, moved or hidden, not when its item counts change. */
final class MailFolderShape extends OutlookShape {
    MailFolderShape() {
        super(ItemKind.MAIL_FOLDER);
    }

    @Override
    public String version(JsonNode item) {
        return fields(item, "displayName", "parentFolderId", "isHidden");
    }
}
