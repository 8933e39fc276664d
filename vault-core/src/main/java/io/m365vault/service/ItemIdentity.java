package io.m365vault.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.ProtectedItem;
import io.m365vault.graph.GraphReader;
import io.m365vault.backup.Json;
import java.io.IOException;

/**
 * Who a protected item is, in words an administrator knows: a user's display name and UPN, a
 * group's display name and mail, a site's display name and address. Asked of Graph once per item
 * per run and kept in the {@link Inventory}, so that an item deleted from the tenant is still
 * found by its name.
 *
 * @param name      the display name
 * @param principal the UPN, the group's mail or the site's webUrl; null when Graph has none
 */
public record ItemIdentity(String name, String principal) {
    /** Who {@code item} is now, or null when Graph cannot say (gone, refused, unreachable): the inventory keeps what it knew. */
    public static ItemIdentity lookUp(GraphReader graph, ProtectedItem item) {
        String path = switch (item.kind()) {
            case "user" -> "users/" + Json.seg(item.id()) + "?$select=id,displayName,userPrincipalName";
            case "group" -> "groups/" + Json.seg(item.id()) + "?$select=id,displayName,mail";
            default -> "sites/" + Json.seg(item.id()) + "?$select=id,displayName,webUrl";
        };
        try {
            JsonNode j = graph.get(path);
            String principal = text(j, item.kind().equals("user") ? "userPrincipalName" : item.kind().equals("group") ? "mail" : "webUrl");
            String name = text(j, "displayName");
            return name == null && principal == null ? null : new ItemIdentity(name != null ? name : principal, principal);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String text(JsonNode j, String field) {
        JsonNode v = j.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }
}
