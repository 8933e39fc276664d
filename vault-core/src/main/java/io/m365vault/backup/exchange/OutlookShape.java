package io.m365vault.backup.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.ItemShape;
import io.m365vault.backup.Json;

/**
 * What Outlook's items share: {@code @removed} marks a deleted item, {@code parentFolderId} names
 * the folder (absent on events, whose calendar the collection gives), {@code changeKey} a new version.
 */
abstract class OutlookShape implements ItemShape {
    private final String kind;

    OutlookShape(String kind) {
        this.kind = kind;
    }

    @Override
    public final String kind() {
        return kind;
    }

    @Override
    public final boolean removed(JsonNode item) {
        return item.has("@removed");
    }

    @Override
    public final String parent(JsonNode item) {
        return Json.text(item, "parentFolderId");
    }

    static String changeKey(JsonNode item) {
        return Json.text(item, "changeKey");
    }

    static String fields(JsonNode item, String... names) {
        return Json.fields(item, names);
    }
}
