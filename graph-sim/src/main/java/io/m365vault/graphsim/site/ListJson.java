package io.m365vault.graphsim.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.http.Json;
import io.m365vault.graphsim.model.Names;
import io.m365vault.graphsim.model.Rng;
import io.m365vault.graphsim.model.SimClock;

import java.util.SplittableRandom;

/** The v1.0 JSON of lists, list items (with and without fields), deleted items in delta, and site pages. */
public final class ListJson {
    private ListJson() {
    }

    public static ObjectNode list(SimSite site, SiteList l, boolean withColumns) {
        ObjectNode j = Json.obj();
        j.put("@odata.etag", "\"" + l.id + ",1\"");
        j.put("id", l.id);
        j.put("name", l.name);
        j.put("displayName", l.name);
        j.put("description", "");
        j.put("createdDateTime", SimClock.iso(l.created));
        j.put("lastModifiedDateTime", SimClock.iso(l.modified));
        j.put("webUrl", site.webUrl + (l.template.equals("documentLibrary") ? "/" : "/Lists/") + l.name);
        j.putObject("createdBy").putObject("user").put("displayName", "System Account");
        ObjectNode info = j.putObject("list");
        info.put("contentTypesEnabled", false);
        info.put("hidden", l.hidden);
        info.put("template", l.template);
        if (l.system) {
            j.putObject("system");
        }
        j.putObject("parentReference").put("siteId", site.id);
        if (withColumns) {
            j.set("columns", l.columns.deepCopy());
        }
        return j;
    }

    private static String etag(SiteList l, ListItemRecord i) {
        return "\"" + l.id + "," + i.version + "\"";
    }

    public static ObjectNode item(SimSite site, SiteList l, ListItemRecord i, boolean withFields) {
        ObjectNode j = Json.obj();
        j.put("@odata.etag", etag(l, i));
        j.put("id", i.id());
        j.put("eTag", etag(l, i));
        j.put("createdDateTime", SimClock.iso(i.created));
        j.put("lastModifiedDateTime", SimClock.iso(i.modified));
        j.put("webUrl", site.webUrl + "/Lists/" + l.name + "/DispForm.aspx?ID=" + i.id());
        j.putObject("createdBy").putObject("user").put("displayName", i.author);
        j.putObject("lastModifiedBy").putObject("user").put("displayName", i.author);
        ObjectNode parent = j.putObject("parentReference");
        parent.put("id", l.id);
        parent.put("siteId", site.id);
        contentType(j, l);
        if (withFields) {
            j.set("fields", fields(l, i));
        }
        return j;
    }

    /** The fieldValueSet: server columns (id, dates, versions) then the column values. */
    public static ObjectNode fields(SiteList l, ListItemRecord i) {
        ObjectNode f = Json.obj();
        f.put("@odata.etag", etag(l, i));
        f.put("id", i.id());
        f.setAll(i.fields.deepCopy());
        f.put("ContentType", ListColumns.contentTypes(l).get(0).get("name").asText());
        f.put("Modified", SimClock.iso(i.modified));
        f.put("Created", SimClock.iso(i.created));
        f.put("_UIVersionString", i.version + ".0");
        f.put("Attachments", !i.attachments.isEmpty());
        return f;
    }

    /** A deleted item in a listItem delta page: id, site, content type and the deleted facet, as Graph's example shows. */
    public static ObjectNode removed(SimSite site, SiteList l, ListItemRecord i) {
        ObjectNode j = Json.obj();
        j.put("id", i.id());
        j.putObject("parentReference").put("siteId", site.id);
        contentType(j, l);
        j.putObject("deleted").put("state", "deleted");
        return j;
    }

    private static void contentType(ObjectNode j, SiteList l) {
        JsonNode listed = ListColumns.contentTypes(l).get(0);
        j.putObject("contentType").put("id", listed.get("id").asText()).put("name", listed.get("name").asText());
    }

    /** The list's content types, as {@code lists/{id}/contentTypes} lists them. */
    public static ArrayNode contentTypes(SiteList l) {
        return ListColumns.contentTypes(l);
    }

    public static ObjectNode page(SimSite site, SitePageRecord p, boolean withCanvas) {
        ObjectNode j = Json.obj();
        j.put("@odata.type", "#microsoft.graph.sitePage");
        j.put("@odata.etag", "\"{" + p.id().toUpperCase(java.util.Locale.ROOT) + "}," + p.version + "\"");
        j.put("id", p.id());
        j.put("name", p.name);
        j.put("title", p.title);
        j.put("description", p.description != null ? p.description : p.title + " page");
        j.put("webUrl", site.webUrl + "/SitePages/" + p.name);
        j.put("eTag", "\"{" + p.id().toUpperCase(java.util.Locale.ROOT) + "}," + p.version + "\"");
        j.put("createdDateTime", SimClock.iso(p.created));
        j.put("lastModifiedDateTime", SimClock.iso(p.modified));
        j.put("pageLayout", p.pageLayout);
        j.put("promotionKind", p.pageLayout.equals("home") ? "page" : "newsPost");
        j.put("showComments", !p.pageLayout.equals("home"));
        j.put("showRecommendedPages", false);
        ObjectNode pub = j.putObject("publishingState");
        // A created page stays a checked-out draft (0.1, ...) until published, which makes it the next major version.
        pub.put("level", p.published ? "published" : "checkout");
        pub.put("versionId", p.published ? p.version + ".0" : "0." + p.version);
        j.putObject("contentType").put("id", "0x0101009D1CB255DA76424F860D91F20E6C4118").put("name", "Site Page");
        j.putObject("createdBy").putObject("user").put("displayName", "System Account");
        j.putObject("parentReference").put("siteId", site.id);
        if (withCanvas) {
            j.set("canvasLayout", canvasOf(p));
        }
        return j;
    }

    /** The page's canvas: the one it was created with, else the one made from its seed. */
    public static ObjectNode canvasOf(SitePageRecord p) {
        return p.canvas != null ? p.canvas.deepCopy() : canvas(p);
    }

    /** A one-column section with a text web part, a two-column section with two more, and a Quick links web part; text follows the page version. */
    public static ObjectNode canvas(SitePageRecord p) {
        SplittableRandom r = Rng.of(p.canvasSeed, "canvas:" + p.version);
        ObjectNode c = Json.obj();
        ArrayNode sections = c.putArray("horizontalSections");
        int part = 0;
        for (int s = 0; s < 2; s++) {
            ObjectNode sec = sections.addObject();
            sec.put("id", Integer.toString(s + 1));
            sec.put("layout", s == 0 ? "oneColumn" : "twoColumns");
            sec.put("emphasis", "none");
            ArrayNode cols = sec.putArray("columns");
            for (int k = 0; k <= s; k++) {
                ObjectNode col = cols.addObject();
                col.put("id", Integer.toString(k + 1));
                col.put("width", s == 0 ? 12 : 6);
                ObjectNode wp = col.putArray("webparts").addObject();
                wp.put("@odata.type", "#microsoft.graph.textWebPart");
                wp.put("id", new java.util.UUID(p.canvasSeed, ++part).toString());
                wp.put("innerHtml", "<h2>" + Names.sentence(r, 3) + "</h2><p>" + Names.paragraph(r, 2)
                        + " <a href=\"" + p.name + "#more\">More</a></p>");
            }
        }
        ObjectNode links = sections.addObject();
        links.put("id", "3");
        links.put("layout", "oneColumn");
        links.put("emphasis", "soft");
        ObjectNode col = links.putArray("columns").addObject();
        col.put("id", "1");
        col.put("width", 12);
        col.putArray("webparts").add(quickLinks(p, r, ++part));
        return c;
    }

    /** A standard web part (Quick links) as Graph gives it: its type id and its data, server-processed content included. */
    private static ObjectNode quickLinks(SitePageRecord p, SplittableRandom r, int part) {
        ObjectNode wp = Json.obj();
        wp.put("@odata.type", "#microsoft.graph.standardWebPart");
        wp.put("id", new java.util.UUID(p.canvasSeed, part).toString());
        wp.put("webPartType", "c70391ea-0b10-4ee9-b2b4-006d3fcad0cd");
        ObjectNode data = wp.putObject("data");
        data.putArray("audiences");
        data.put("dataVersion", "2.2");
        data.put("description", "Show a collection of links to content such as documents, images, videos, and more");
        data.put("title", "Quick links");
        data.putObject("properties").put("isMigrated", true).put("layoutId", "CompactCard");
        ObjectNode spc = data.putObject("serverProcessedContent");
        spc.putArray("htmlStrings");
        spc.putArray("searchablePlainTexts").addObject().put("key", "items[0].title").put("value", Names.sentence(r, 2));
        spc.putArray("imageSources");
        spc.putArray("links").addObject().put("key", "items[0].sourceItem.url").put("value", "https://example.org/" + p.name);
        return wp;
    }
}
