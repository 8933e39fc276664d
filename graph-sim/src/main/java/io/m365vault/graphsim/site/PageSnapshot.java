package io.m365vault.graphsim.site;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.http.Json;
import io.m365vault.graphsim.model.Hashes;
import io.m365vault.graphsim.model.TenantModel;

/** Every site page of a site: id, name, title, whether it is published, its canvasLayout and its SHA-256. */
public final class PageSnapshot extends SiteSnapshot {
    public PageSnapshot(TenantModel tenant) {
        super(tenant);
    }

    @Override
    public String workload() {
        return "pages";
    }

    @Override
    void add(SiteContent c, ArrayNode out) {
        for (SitePageRecord p : c.pages.values()) {
            ObjectNode j = out.addObject();
            j.put("id", p.id());
            j.put("name", p.name);
            j.put("title", p.title);
            j.put("published", p.published);
            j.set("canvasLayout", ListJson.canvasOf(p));
            j.put("sha256", Hashes.sha256(Json.bytes(ListJson.canvasOf(p))));
        }
    }
}
