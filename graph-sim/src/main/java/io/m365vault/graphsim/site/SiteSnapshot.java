package io.m365vault.graphsim.site;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.m365vault.graphsim.control.SnapshotSource;
import io.m365vault.graphsim.http.Json;
import io.m365vault.graphsim.model.TenantModel;

/** A snapshot of one kind of site content: empty for owners that are not sites, else the site's items under its lock. */
abstract class SiteSnapshot implements SnapshotSource {
    private final TenantModel tenant;

    SiteSnapshot(TenantModel tenant) {
        this.tenant = tenant;
    }

    @Override
    public final ArrayNode items(String owner) {
        ArrayNode out = Json.arr();
        if (tenant.sites().site(owner) == null) {
            return out;
        }
        SiteContent c = tenant.siteContent(owner);
        synchronized (c) {
            add(c, out);
        }
        return out;
    }

    /** Appends one entry per item of the site. */
    abstract void add(SiteContent c, ArrayNode out);
}
