package io.m365vault.graphsim.contacts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.http.Json;
import io.m365vault.graphsim.mail.MailJson;

/** The JSON Graph returns for contacts and contact folders. */
public final class ContactJson {
    private ContactJson() {
    }

    public static ObjectNode contact(ContactItem c) {
        ObjectNode j = Json.obj();
        String ck = MailJson.changeKey(c.seq(), c.id());
        j.put("@odata.type", "#microsoft.graph.contact");
        j.put("@odata.etag", "W/\"" + ck + "\"");
        j.put("id", c.id());
        j.put("createdDateTime", c.created.toString());
        j.put("lastModifiedDateTime", c.modified.toString());
        j.put("changeKey", ck);
        j.put("parentFolderId", c.folderId);
        j.setAll(c.fields.deepCopy());
        return j;
    }

    public static ObjectNode removed(String id) {
        return Json.removed("#microsoft.graph.contact", id);
    }

    public static ObjectNode folder(ContactFolder f) {
        ObjectNode j = Json.obj();
        j.put("id", f.id());
        j.put("displayName", f.displayName);
        j.put("parentFolderId", f.parentId);
        return j;
    }
}
