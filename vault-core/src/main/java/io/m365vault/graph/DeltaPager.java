package io.m365vault.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one pager of Graph collections: follows {@code @odata.nextLink} page by page, handing each
 * page to the caller before asking for the next, so the caller can make it durable and store
 * {@link DeltaPage#resumeLink()}. A delta round ends with its {@code @odata.deltaLink}; a plain
 * listing ends on the page without a nextLink. Works on raw JSON, so it serves messages,
 * folders, contacts, events, drives, list items and the planner's directory reads alike. A 410
 * from the reader is {@link DeltaExpiredException}: start again without the stored link.
 */
public final class DeltaPager {
    private final GraphReader graph;

    /** What to do with one page; an exception stops the round (the checkpoint stays where it was). */
    @FunctionalInterface
    public interface PageHandler {
        void onPage(DeltaPage page) throws IOException;
    }

    public DeltaPager(GraphReader graph) {
        this.graph = graph;
    }

    /**
     * Runs a delta round from {@code link}: a first delta request (a path such as
     * {@code users/{id}/mailFolders/{id}/messages/delta()}) or a stored next or delta link.
     * Returns the new delta link.
     */
    public String run(String link, PageHandler handler) throws IOException {
        return follow(link, true, handler).deltaLink();
    }

    /** Every page of a listing (no delta), from its first request. */
    public void list(String url, PageHandler handler) throws IOException {
        follow(url, false, handler);
    }

    /** Every item of a listing. */
    public List<JsonNode> all(String url) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        list(url, page -> out.addAll(page.items()));
        return out;
    }

    private DeltaPage follow(String link, boolean delta, PageHandler handler) throws IOException {
        String next = link;
        for (int number = 1; ; number++) {
            DeltaPage page = page(next, number, delta);
            handler.onPage(page);
            if (page.last()) {
                return page;
            }
            if (page.nextLink().equals(next)) {
                throw new IOException("page " + number + " of " + where(next) + " links to itself");
            }
            next = page.nextLink();
        }
    }

    private DeltaPage page(String url, int number, boolean delta) throws IOException {
        JsonNode body = graph.get(url);
        String nextLink = text(body, "@odata.nextLink");
        String deltaLink = text(body, "@odata.deltaLink");
        if (delta && (nextLink == null) == (deltaLink == null)) {
            throw new IOException("delta page " + number + " of " + where(url) + " has " + (nextLink == null ? "neither" : "both")
                    + " @odata.nextLink and @odata.deltaLink");
        }
        JsonNode value = body.path("value");
        if (!value.isArray() && !value.isMissingNode()) {
            throw new IOException("page " + number + " of " + where(url) + ": 'value' is not an array");
        }
        List<JsonNode> items = new ArrayList<>(value.size());
        value.forEach(items::add);
        return new DeltaPage(List.copyOf(items), nextLink, delta ? deltaLink : nextLink == null ? "" : null, number);
    }

    private static String where(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
