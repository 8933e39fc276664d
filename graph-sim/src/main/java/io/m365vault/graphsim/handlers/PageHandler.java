package io.m365vault.graphsim.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.graphsim.SimContext;
import io.m365vault.graphsim.http.Paging;
import io.m365vault.graphsim.http.Req;
import io.m365vault.graphsim.http.Res;
import io.m365vault.graphsim.http.Router;
import io.m365vault.graphsim.site.ListJson;
import io.m365vault.graphsim.site.SiteContent;
import io.m365vault.graphsim.site.SitePageRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Site pages: the list (as baseSitePage with the sitePage type) and one page cast to sitePage, with canvasLayout on $expand. */
public final class PageHandler {
    private final SimContext ctx;

    public PageHandler(SimContext ctx) {
        this.ctx = ctx;
    }

    public void register(Router r) {
        r.get("sites/{s}/pages", this::pages);
        r.get("sites/{s}/pages/graph.sitePage", this::pages);
        r.get("sites/{s}/pages/{pg}", this::page);
        r.get("sites/{s}/pages/{pg}/graph.sitePage", this::page);
    }

    private Res pages(Req req, Map<String, String> p) {
        SiteContent c = ctx.tenant.siteContent(p.get("s"));
        synchronized (c) {
            List<JsonNode> out = new ArrayList<>();
            for (SitePageRecord page : c.pages.values()) {
                out.add(ListJson.page(c.site, page, ListHandler.expands(req, "canvasLayout")));
            }
            return Paging.list(req, out, 200, 1000);
        }
    }

    private Res page(Req req, Map<String, String> p) {
        SiteContent c = ctx.tenant.siteContent(p.get("s"));
        synchronized (c) {
            SitePageRecord page = c.page(p.get("pg"));
            return Res.json(Paging.project(ListJson.page(c.site, page, ListHandler.expands(req, "canvasLayout")), Paging.select(req)));
        }
    }
}
