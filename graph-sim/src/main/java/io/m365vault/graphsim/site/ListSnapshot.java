package io.m365vault.graphsim.site;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.http.Json;
import io.m365vault.graphsim.model.Hashes;
import io.m365vault.graphsim.model.TenantModel;

/**
 * Every live list item of a site: list id and name, whether the list is hidden and its template
 * (a backup leaves libraries and hidden lists but the people list out), item id, title, its column
 * values as {@code fields} and their SHA-256, and its attachments (name, size, SHA-256).
 */
public final class ListSnapshot extends SiteSnapshot {
    public ListSnapshot(TenantModel tenant) {
        super(tenant);
    }

    @Override
    public String workload() {
        return "lists";
    }

    @Override
    void add(SiteContent c, ArrayNode out) {
        for (SiteList l : c.lists.values()) {
            for (ListItemRecord i : c.liveItems(l)) {
                ObjectNode j = out.addObject();
                j.put("list", l.name);
                j.put("listId", l.id);
                j.put("template", l.template);
                j.put("hidden", l.hidden);
                j.put("id", i.id());
                j.put("title", i.fields.path("Title").asText());
                ArrayNode files = j.putArray("attachments");
                for (ListAttachment a : i.attachments) {
                    files.addObject().put("name", a.name()).put("size", a.content().length).put("sha256", a.sha256());
                }
                j.set("fields", i.fields.deepCopy());
                j.put("sha256", Hashes.sha256(Json.bytes(i.fields)));
            }
        }
    }
}
