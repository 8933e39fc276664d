package io.m365vault.graph;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Follows a delta round page by page, {@code @odata.nextLink} after {@code @odata.nextLink}
 * until the {@code @odata.deltaLink}, handing each page to the caller before asking for the
 * next, so the caller can make the page durable and store {@link DeltaPage#resumeLink()}. Works
 * on raw JSON, so one pager serves messages, folders, contacts, events and drives alike.
 */
public final class DeltaPager {
    private static final Logger LOG = LoggerFactory.getLogger(DeltaPager.class);
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private final GraphRequests requests;
    private final Map<String, String> headers;

    /** What to do with one page; an exception stops the round (the checkpoint stays where it was). */
    @FunctionalInterface
    public interface PageHandler {
        void onPage(DeltaPage page) throws IOException;
    }

    /**
     * @param headers sent with every page, e.g. {@code Prefer: odata.maxpagesize=100} or
     *                {@code Prefer: IdType="ImmutableId"}: Graph wants the same preferences on every page
     */
    public DeltaPager(GraphRequests requests, Map<String, String> headers) {
        this.requests = requests;
        this.headers = Map.copyOf(headers);
    }

    /**
     * Runs the round from {@code link}: a first delta request (a path such as
     * {@code /users/{id}/mailFolders/{id}/messages/delta()} or an absolute URL) or a stored
     * next/delta link. Returns the new delta link.
     *
     * @throws DeltaExpiredException when Graph answers 410: start again without the stored link
     */
    public String run(String link, PageHandler handler) throws IOException, DeltaExpiredException {
        String next = requests.url(link);
        for (int number = 1; ; number++) {
            DeltaPage page = fetch(next, number);
            handler.onPage(page);
            if (page.last()) {
                LOG.debug("delta round done pages={}", number);
                return page.deltaLink();
            }
            if (page.nextLink().equals(next)) {
                throw new IOException("delta page " + number + " of " + ThrottleInterceptor.withoutQuery(okhttp3.HttpUrl.get(next)) + " links to itself");
            }
            next = page.nextLink();
        }
    }

    private DeltaPage fetch(String url, int number) throws IOException, DeltaExpiredException {
        try (Response r = requests.get(url, headers)) {
            String where = ThrottleInterceptor.withoutQuery(r.request().url());
            if (r.code() == 410) {
                GraphErrorBody e = GraphErrorBody.parse(r.body().bytes());
                String code = !e.innerCode().isEmpty() ? e.innerCode() : !e.code().isEmpty() ? e.code() : "Gone";
                LOG.info("delta expired url={} code={}", where, code);
                throw new DeltaExpiredException(where, code, e.message());
            }
            if (!r.isSuccessful()) {
                throw new GraphStatusException("GET", where, r.code(), GraphErrorBody.parse(r.body().bytes()));
            }
            JsonNode body;
            try (InputStream in = r.body().byteStream()) {
                body = JSON.readTree(in);
            }
            String nextLink = text(body, "@odata.nextLink");
            String deltaLink = text(body, "@odata.deltaLink");
            if ((nextLink == null) == (deltaLink == null)) {
                throw new IOException("delta page " + number + " of " + where + " has " + (nextLink == null ? "neither" : "both")
                        + " @odata.nextLink and @odata.deltaLink");
            }
            JsonNode value = body.path("value");
            if (!value.isArray() && !value.isMissingNode()) {
                throw new IOException("delta page " + number + " of " + where + ": 'value' is not an array");
            }
            List<JsonNode> items = new ArrayList<>(value.size());
            value.forEach(items::add);
            return new DeltaPage(List.copyOf(items), nextLink, deltaLink, number);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
