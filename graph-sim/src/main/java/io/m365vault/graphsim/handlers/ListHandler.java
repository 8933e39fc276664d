package io.m365vault.graphsim.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.SimContext;
import io.m365vault.graphsim.delta.DeltaState;
import io.m365vault.graphsim.delta.DeltaTokens;
import io.m365vault.graphsim.http.GraphError;
import io.m365vault.graphsim.http.Json;
import io.m365vault.graphsim.http.Paging;
import io.m365vault.graphsim.http.Req;
import io.m365vault.graphsim.http.Res;
import io.m365vault.graphsim.http.Router;
import io.m365vault.graphsim.site.ListItemRecord;
import io.m365vault.graphsim.site.ListJson;
import io.m365vault.graphsim.site.SiteContent;
import io.m365vault.graphsim.site.SiteList;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SharePoint lists of a site: lists with columns, items with fields, listItem delta; and the writes
 * a restore makes: a list created (with its template and columns), a column added, an item created
 * or its fields patched.
 */
public final class ListHandler {
    /** Read-only columns SharePoint sets itself: a value for one is refused with 400, as Graph does. */
    private static final Set<String> SERVER_FIELDS = Set.of("id", "ID", "ContentType", "Modified", "Created",
            "_UIVersionString", "Attachments", "Author", "Editor", "AuthorLookupId", "EditorLookupId");
    private final SimContext ctx;

    public ListHandler(SimContext ctx) {
        this.ctx = ctx;
    }

    public void register(Router r) {
        r.get("sites/{s}/lists", this::lists);
        r.post("sites/{s}/lists", this::createList);
        r.post("sites/{s}/lists/{l}/columns", (q, p) -> {
            JsonNode body = Json.parse(q.body);
            SiteContent c = ctx.tenant.siteContent(p.get("s"));
            synchronized (c) {
                return Res.json(201, c.createColumn(c.list(p.get("l")), body));
            }
        });
        r.get("sites/{s}/lists/{l}", (q, p) -> {
            SiteContent c = ctx.tenant.siteContent(p.get("s"));
            synchronized (c) {
                boolean columns = expands(q, "columns");
                return Res.json(Paging.project(ListJson.list(c.site, c.list(p.get("l")), columns), Paging.select(q)));
            }
        });
        r.get("sites/{s}/lists/{l}/columns", (q, p) -> {
            SiteContent c = ctx.tenant.siteContent(p.get("s"));
            synchronized (c) {
                List<JsonNode> out = new ArrayList<>();
                c.list(p.get("l")).columns.forEach(out::add);
                return Paging.list(q, out, 200, 1000);
            }
        });
        r.get("sites/{s}/lists/{l}/contentTypes", (q, p) -> {
            SiteContent c = ctx.tenant.siteContent(p.get("s"));
            synchronized (c) {
                List<JsonNode> out = new ArrayList<>();
                ListJson.contentTypes(c.list(p.get("l"))).forEach(out::add);
                return Paging.list(q, out, 200, 1000);
            }
        });
        r.get("sites/{s}/lists/{l}/items", this::items);
        r.post("sites/{s}/lists/{l}/items", this::create);
        r.get("sites/{s}/lists/{l}/items/delta", this::delta);
        r.get("sites/{s}/lists/{l}/items/{i}", (q, p) -> {
            SiteContent c = ctx.tenant.siteContent(p.get("s"));
            synchronized (c) {
                SiteList l = c.list(p.get("l"));
                return Res.json(Paging.project(ListJson.item(c.site, l, c.item(l, p.get("i")), expands(q, "fields")), Paging.select(q)));
            }
        });
        r.get("sites/{s}/lists/{l}/items/{i}/fields", (q, p) -> {
            SiteContent c = ctx.tenant.siteContent(p.get("s"));
            synchronized (c) {
                SiteList l = c.list(p.get("l"));
                return Res.json(ListJson.fields(l, c.item(l, p.get("i"))));
            }
        });
        r.patch("sites/{s}/lists/{l}/items/{i}/fields", this::patchFields);
        r.delete("sites/{s}/lists/{l}/items/{i}", (q, p) -> {
            SiteContent c = ctx.tenant.siteContent(p.get("s"));
            synchronized (c) {
                SiteList l = c.list(p.get("l"));
                c.delete(c.item(l, p.get("i")));
            }
            return Res.empty(204);
        });
    }

    /** Whether {@code $expand} names the navigation property (alone or with options). */
    static boolean expands(Req req, String property) {
        String expand = req.q("$expand");
        if (expand == null) {
            return false;
        }
        for (String part : expand.split(",")) {
            String name = part.trim();
            int paren = name.indexOf('(');
            if ((paren < 0 ? name : name.substring(0, paren)).trim().equals(property)) {
                return true;
            }
        }
        return false;
    }

    private Res lists(Req req, Map<String, String> p) {
        SiteContent c = ctx.tenant.siteContent(p.get("s"));
        synchronized (c) {
            // Graph hides lists with the system facet unless $select names it.
            Set<String> select = Paging.select(req);
            boolean system = select != null && select.contains("system");
            List<JsonNode> out = new ArrayList<>();
            for (SiteList l : c.lists.values()) {
                if (!l.system || system) {
                    out.add(ListJson.list(c.site, l, expands(req, "columns")));
                }
            }
            return Paging.list(req, out, 200, 1000);
        }
    }

    private Res items(Req req, Map<String, String> p) {
        SiteContent c = ctx.tenant.siteContent(p.get("s"));
        synchronized (c) {
            SiteList l = c.list(p.get("l"));
            boolean fields = expands(req, "fields");
            List<JsonNode> out = new ArrayList<>();
            for (ListItemRecord i : c.liveItems(l)) {
                out.add(ListJson.item(c.site, l, i, fields));
            }
            return Paging.list(req, out, 200, 5000);
        }
    }

    /**
     * listItem delta pages with {@code token} links like drives, reports deleted items with the
     * deleted facet, and answers an expired token with the drives' 410 and a Location to start over. Fields come only with
     * {@code $expand=fields}, which the next and delta links keep.
     */
    private Res delta(Req req, Map<String, String> p) {
        SiteContent c = ctx.tenant.siteContent(p.get("s"));
        synchronized (c) {
            SiteList l = c.list(p.get("l"));
            String link = "sites/" + Req.encodeSegment(c.site.id) + "/lists/" + Req.encodeSegment(l.id) + "/items/delta";
            boolean fields = expands(req, "fields");
            Map<String, String> keep = fields ? Map.of("$expand", "fields") : Map.of();
            DeltaState st;
            try {
                st = ctx.delta.state(req, DeltaTokens.Flavour.DRIVE, 200, 1000, null, null);
            } catch (GraphError e) {
                // Graph's 410 for listItem delta carries a Location that starts a fresh enumeration.
                throw e.status == 410 ? e.header("Location", req.link(link, keep)) : e;
            }
            return ctx.delta.respond(req, st, l.items, i -> true,
                    i -> i.deleted() ? ListJson.removed(c.site, l, i) : ListJson.item(c.site, l, i, fields), link, true, keep);
        }
    }

    /** A list: its displayName, the {@code list} facet's template (genericList when none), and its own columns. */
    private Res createList(Req req, Map<String, String> p) {
        JsonNode body = Json.parse(req.body);
        String name = body.path("displayName").asText("");
        if (name.isBlank()) {
            throw GraphError.badRequest("invalidRequest", "A list needs a displayName.");
        }
        JsonNode columns = body.path("columns");
        if (!columns.isMissingNode() && !columns.isArray()) {
            throw GraphError.badRequest("invalidRequest", "columns must be an array of columnDefinition.");
        }
        SiteContent c = ctx.tenant.siteContent(p.get("s"));
        synchronized (c) {
            SiteList l = c.createList(name, body.path("list").path("template").asText("genericList"),
                    columns.isArray() ? (com.fasterxml.jackson.databind.node.ArrayNode) columns : Json.arr());
            return Res.json(201, ListJson.list(c.site, l, true));
        }
    }

    /** The column values a client sends: annotations ignored, a read-only column's value refused. */
    private static ObjectNode clientFields(JsonNode fields) {
        if (fields == null || !fields.isObject()) {
            throw GraphError.badRequest("invalidRequest", "A fields object with column values is expected.");
        }
        ObjectNode f = ((ObjectNode) fields).deepCopy();
        List<String> annotations = new ArrayList<>();
        f.fieldNames().forEachRemaining(name -> {
            if (SERVER_FIELDS.contains(name)) {
                throw GraphError.badRequest("invalidRequest", "Field '" + name + "' is read-only");
            }
            if (name.contains("@")) {
                annotations.add(name); // @odata.etag, or a value's type: Name@odata.type
            }
        });
        f.remove(annotations);
        return f;
    }

    private Res create(Req req, Map<String, String> p) {
        ObjectNode fields = clientFields(Json.parse(req.body).get("fields"));
        SiteContent c = ctx.tenant.siteContent(p.get("s"));
        synchronized (c) {
            SiteList l = c.list(p.get("l"));
            checkColumns(l, fields);
            return Res.json(201, ListJson.item(c.site, l, c.create(l, fields, "Graph Restore"), true));
        }
    }

    private Res patchFields(Req req, Map<String, String> p) {
        ObjectNode fields = clientFields(Json.parse(req.body));
        SiteContent c = ctx.tenant.siteContent(p.get("s"));
        synchronized (c) {
            SiteList l = c.list(p.get("l"));
            checkColumns(l, fields);
            ListItemRecord i = c.item(l, p.get("i"));
            c.edit(i, fields);
            return Res.json(ListJson.fields(l, i));
        }
    }

    /** SharePoint rejects values for columns the list does not have (lookup and person values go in NameLookupId) and for read-only ones. */
    private static void checkColumns(SiteList l, ObjectNode fields) {
        fields.fieldNames().forEachRemaining(name -> {
            String column = name.endsWith("LookupId") ? name.substring(0, name.length() - "LookupId".length()) : name;
            JsonNode known = null;
            for (JsonNode col : l.columns) {
                known = col.path("name").asText().equals(column) ? col : known;
            }
            if (known == null) {
                throw GraphError.badRequest("invalidRequest", "Field '" + name + "' is not recognized");
            }
            if (known.path("readOnly").asBoolean(false)) {
                throw GraphError.badRequest("invalidRequest", "Field '" + name + "' is read-only");
            }
        });
    }
}
