package io.m365vault.graphsim.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.SimContext;
import io.m365vault.graphsim.http.GraphError;
import io.m365vault.graphsim.http.Json;
import io.m365vault.graphsim.http.Paging;
import io.m365vault.graphsim.http.Req;
import io.m365vault.graphsim.http.Res;
import io.m365vault.graphsim.http.Router;
import io.m365vault.graphsim.site.CreatedCanvas;
import io.m365vault.graphsim.site.ListJson;
import io.m365vault.graphsim.site.SiteContent;
import io.m365vault.graphsim.site.SitePageRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Site pages: the list (as baseSitePage with the sitePage type) and one page cast to sitePage, with
 * canvasLayout on $expand; a page created (a draft: a sitePage with its name, title, layout and
 * canvas, checked by {@link CreatedCanvas}), published, deleted.
 */
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
        r.post("sites/{s}/pages", this::create);
        r.post("sites/{s}/pages/{pg}/graph.sitePage/publish", (q, p) -> {
            SiteContent c = ctx.tenant.siteContent(p.get("s"));
            synchronized (c) {
                c.publish(c.page(p.get("pg")));
            }
            return Res.empty(204);
        });
        r.delete("sites/{s}/pages/{pg}", (q, p) -> {
            SiteContent c = ctx.tenant.siteContent(p.get("s"));
            synchronized (c) {
                c.removePage(c.page(p.get("pg")));
            }
            return Res.empty(204);
        });
    }

    private Res create(Req req, Map<String, String> p) {
        JsonNode body = Json.parse(req.body);
        if (!"#microsoft.graph.sitePage".equals(body.path("@odata.type").asText())) {
            throw GraphError.badRequest("invalidRequest", "A page is created as a #microsoft.graph.sitePage.");
        }
        String name = body.path("name").asText("");
        if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".aspx") || name.length() <= ".aspx".length() || name.contains("/")) {
            throw GraphError.badRequest("invalidRequest", "A page's name is a file name ending in .aspx, not '" + name + "'.");
        }
        ObjectNode canvas = CreatedCanvas.of(body.get("canvasLayout"));
        SiteContent c = ctx.tenant.siteContent(p.get("s"));
        synchronized (c) {
            SitePageRecord page = c.createPage(name, body.path("title").asText(name.substring(0, name.length() - 5)),
                    body.path("description").isTextual() ? body.get("description").asText() : null,
                    body.path("pageLayout").asText("article"), canvas);
            return Res.json(201, ListJson.page(c.site, page, true));
        }
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
