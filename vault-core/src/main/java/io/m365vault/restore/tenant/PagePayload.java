package io.m365vault.restore.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The sitePage a page restore creates ({@code POST /sites/{id}/pages}), from the backed-up page
 * with its canvas: its name, title, description, layout and the settings Graph takes on create,
 * and its canvasLayout with every web part as Graph gave it, OData annotations other than the
 * types left out. {@link #withoutStandardWebParts} is the same page with its text web parts only.
 */
final class PagePayload {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] KEPT = {"title", "description", "pageLayout", "promotionKind", "showComments", "showRecommendedPages",
            "thumbnailWebUrl", "titleArea"};
    static final String STANDARD = "#microsoft.graph.standardWebPart";

    private PagePayload() {
    }

    static ObjectNode of(JsonNode page, String name) {
        ObjectNode p = JSON.createObjectNode();
        p.put("@odata.type", "#microsoft.graph.sitePage");
        p.put("name", name);
        for (String k : KEPT) {
            if (page.hasNonNull(k)) {
                p.set(k, page.get(k));
            }
        }
        if (page.has("canvasLayout")) {
            p.set("canvasLayout", clean(page.get("canvasLayout")));
        }
        return p;
    }

    /** The web parts of the page's canvas, in order. */
    static List<JsonNode> webParts(JsonNode payload) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode canvas = payload.path("canvasLayout");
        for (JsonNode s : canvas.path("horizontalSections")) {
            for (JsonNode c : s.path("columns")) {
                c.path("webparts").forEach(out::add);
            }
        }
        canvas.path("verticalSection").path("webparts").forEach(out::add);
        return out;
    }

    static boolean standard(JsonNode webPart) {
        return STANDARD.equals(webPart.path("@odata.type").asText()) || !webPart.has("innerHtml") && webPart.has("webPartType");
    }

    static ObjectNode withoutStandardWebParts(ObjectNode payload) {
        ObjectNode p = payload.deepCopy();
        for (JsonNode w : p.findParents("webparts")) {
            JsonNode parts = w.get("webparts");
            if (parts.isArray()) {
                ArrayNode kept = JSON.createArrayNode();
                parts.forEach(x -> {
                    if (!standard(x)) {
                        kept.add(x);
                    }
                });
                ((ObjectNode) w).set("webparts", kept);
            }
        }
        return p;
    }

    /** A copy without OData annotations (context, counts, navigation links), the types kept. */
    private static JsonNode clean(JsonNode n) {
        if (n.isArray()) {
            ArrayNode a = JSON.createArrayNode();
            n.forEach(x -> a.add(clean(x)));
            return a;
        }
        if (!n.isObject()) {
            return n;
        }
        ObjectNode o = JSON.createObjectNode();
        n.fields().forEachRemaining(e -> {
            if (!e.getKey().contains("@odata.") || e.getKey().equals("@odata.type")) {
                o.set(e.getKey(), clean(e.getValue()));
            }
        });
        return o;
    }
}
