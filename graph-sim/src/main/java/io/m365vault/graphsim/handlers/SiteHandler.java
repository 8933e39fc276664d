package io.m365vault.graphsim.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.graphsim.SimContext;
import io.m365vault.graphsim.http.GraphError;
import io.m365vault.graphsim.http.Paging;
import io.m365vault.graphsim.http.Req;
import io.m365vault.graphsim.http.Res;
import io.m365vault.graphsim.http.Router;
import io.m365vault.graphsim.site.SimSite;

import java.util.ArrayList;
import java.util.List;

/** Sites: the root site, by id, every site (getAllSites, search), a group's team site. */
public final class SiteHandler {
    private final SimContext ctx;

    public SiteHandler(SimContext ctx) {
        this.ctx = ctx;
    }

    public void register(Router r) {
        r.get("sites/getAllSites", (q, p) -> all(q));
        r.get("sites", (q, p) -> all(q));
        r.get("sites/{s}", (q, p) -> Res.json(Paging.project(site(p.get("s")).json(origin(q)), Paging.select(q))));
        r.get("groups/{g}/sites/root", (q, p) -> {
            SimSite s = ctx.tenant.sites().groupSite(p.get("g"));
            if (s == null) {
                throw GraphError.notFound("itemNotFound", "The group has no team site.");
            }
            return Res.json(s.json(origin(q)));
        });
    }

    /** The origin the request came to (http or https): the SharePoint host of the sites it is told of. */
    static String origin(Req req) {
        return req.baseUrl.substring(0, req.baseUrl.length() - "/v1.0".length());
    }

    private SimSite site(String id) {
        SimSite s = ctx.tenant.sites().site(id);
        if (s == null) {
            throw GraphError.notFound("itemNotFound", "Requested site could not be found");
        }
        return s;
    }

    private Res all(Req req) {
        List<JsonNode> out = new ArrayList<>();
        for (SimSite s : ctx.tenant.sites().sites()) {
            out.add(s.json(origin(req)));
        }
        return Paging.list(req, out, 100, 1000);
    }
}
