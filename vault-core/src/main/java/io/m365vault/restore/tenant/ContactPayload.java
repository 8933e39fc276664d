package io.m365vault.restore.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code POST contacts} that recreates a backed-up contact: its Graph JSON as the
 * catalog holds it, less what the server owns (ids, folder, times of change, etags). Every other
 * property of a contact is one a client may set, so the copy is whole; the photo follows by PUT.
 */
final class ContactPayload {
    private static final Set<String> SERVER = Set.of("id", "createdDateTime", "lastModifiedDateTime", "changeKey", "parentFolderId",
            "photo");

    private ContactPayload() {
    }

    static ObjectNode create(JsonNode contact) {
        ObjectNode p = ((ObjectNode) contact).deepCopy();
        p.remove(SERVER);
        List<String> annotations = new ArrayList<>();
        p.fieldNames().forEachRemaining(n -> {
            if (n.startsWith("@odata.")) {
                annotations.add(n);
            }
        });
        p.remove(annotations);
        return p;
    }
}
