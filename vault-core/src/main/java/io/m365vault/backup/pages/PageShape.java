package io.m365vault.backup.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.ItemKind;
import io.m365vault.backup.ItemShape;
import io.m365vault.backup.Json;

/**
 * A site page as the pages listing gives it; its content is the sitePage with its
 * {@code canvasLayout} (sections, columns, web parts as Graph gives them), fetched only when
 * {@code lastModifiedDateTime} moved: the listing carries no canvas, and a page's one clock is that.
 */
final class PageShape implements ItemShape {
    private final String base;

    /** @param base the site's Graph path, {@code sites/<id>} */
    PageShape(String base) {
        this.base = base;
    }

    @Override
    public String kind() {
        return ItemKind.SITE_PAGE;
    }

    @Override
    public boolean removed(JsonNode item) {
        return false;
    }

    @Override
    public String version(JsonNode item) {
        return Json.text(item, "lastModifiedDateTime");
    }

    @Override
    public String contentTag(JsonNode item) {
        return version(item);
    }

    @Override
    public String contentPath(JsonNode item) {
        return base + "/pages/" + Json.seg(Json.text(item, "id")) + "/microsoft.graph.sitePage?$expand=canvasLayout";
    }
}
