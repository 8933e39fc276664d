package io.m365vault.backup.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.Json;

/** What Outlook's items share: {@code @removed} marks a deleted item, {@code changeKey} a new version. */
final class Outlook {
    private Outlook() {
    }

    static boolean removed(JsonNode item) {
        return item.has("@removed");
    }

    static String changeKey(JsonNode item) {
        return Json.text(item, "changeKey");
    }

    static String parentFolder(JsonNode item) {
        return Json.text(item, "parentFolderId");
    }

    /** Fields joined, for versions of items without a changeKey (folders). */
    static String fields(JsonNode item, String... names) {
        StringBuilder b = new StringBuilder();
        for (String n : names) {
            b.append(Json.text(item, n)).append('\u0000');
        }
        return b.toString();
    }
}
