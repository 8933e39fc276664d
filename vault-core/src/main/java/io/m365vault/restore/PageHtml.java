package io.m365vault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

/**
 * A readable {@code page.html} of a sitePage: its title and description, then its sections in
 * order (horizontal sections with their columns side by side at their widths, then the vertical
 * section), each text web part's HTML through jsoup's relaxed safelist (no scripts, styles, event
 * handlers or javascript: links; relative links made absolute against the page), and every other
 * web part as a labelled block with its title, description, texts and links. Nothing is fetched:
 * images and embedded content appear as what they are, not as themselves.
 */
final class PageHtml {
    private static final String STYLE = "body{font-family:sans-serif;max-width:72em;margin:2em auto;padding:0 1em}"
            + ".section{display:flex;gap:1em;margin:1em 0}.column{flex-grow:1;min-width:0}"
            + ".webpart{border:1px solid #bbb;border-radius:4px;padding:.5em 1em;margin:.5em 0;background:#f6f6f6}"
            + ".label{font-size:.8em;color:#555;text-transform:uppercase}";

    private PageHtml() {
    }

    static String render(JsonNode page) {
        String title = GraphJson.text(page, "title");
        String base = GraphJson.text(page, "webUrl");
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(esc(title)).append("</title><style>").append(STYLE).append("</style></head><body>\n");
        b.append("<h1>").append(esc(title)).append("</h1>\n");
        String description = GraphJson.text(page, "description");
        if (description != null) {
            b.append("<p>").append(esc(description)).append("</p>\n");
        }
        b.append("<p class=\"label\">").append(esc(GraphJson.text(page, "name"))).append(", last modified ")
                .append(esc(GraphJson.text(page, "lastModifiedDateTime"))).append("</p>\n");
        JsonNode canvas = page.path("canvasLayout");
        for (JsonNode section : canvas.path("horizontalSections")) {
            b.append("<div class=\"section\" data-layout=\"").append(esc(GraphJson.text(section, "layout"))).append("\">\n");
            for (JsonNode column : section.path("columns")) {
                int width = column.path("width").asInt(12);
                b.append("<div class=\"column\" style=\"flex-basis:").append(Math.max(1, Math.min(12, width)) * 100 / 12).append("%\">\n");
                webParts(b, column.path("webparts"), base);
                b.append("</div>\n");
            }
            b.append("</div>\n");
        }
        if (canvas.has("verticalSection")) {
            b.append("<div class=\"section\" data-layout=\"vertical\"><div class=\"column\">\n");
            webParts(b, canvas.path("verticalSection").path("webparts"), base);
            b.append("</div></div>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    private static void webParts(StringBuilder b, JsonNode parts, String base) {
        for (JsonNode wp : parts) {
            if ("#microsoft.graph.textWebPart".equals(GraphJson.text(wp, "@odata.type"))) {
                String html = wp.path("innerHtml").asText("");
                b.append("<div class=\"text\">").append(base == null ? Jsoup.clean(html, Safelist.relaxed())
                        : Jsoup.clean(html, base, Safelist.relaxed())).append("</div>\n");
            } else {
                labelled(b, wp);
            }
        }
    }

    private static void labelled(StringBuilder b, JsonNode wp) {
        JsonNode data = wp.path("data");
        String title = GraphJson.text(data, "title");
        b.append("<div class=\"webpart\"><p class=\"label\">Web part: ")
                .append(esc(title != null ? title : GraphJson.text(wp, "webPartType"))).append("</p>");
        String description = GraphJson.text(data, "description");
        if (description != null) {
            b.append("<p>").append(esc(description)).append("</p>");
        }
        JsonNode content = data.path("serverProcessedContent");
        for (JsonNode t : content.path("searchablePlainTexts")) {
            b.append("<p>").append(esc(GraphJson.text(t, "value"))).append("</p>");
        }
        for (JsonNode l : content.path("links")) {
            String url = GraphJson.text(l, "value");
            // Links are shown, not followed: their text only, never an href from the page's data.
            b.append("<p>Link: <code>").append(esc(url)).append("</code></p>");
        }
        b.append("</div>\n");
    }

    private static String esc(String s) {
        return s == null ? "" : Entities.escape(s);
    }
}
