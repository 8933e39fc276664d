package io.m365vault.restore.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.kiota.HttpMethod;
import io.m365vault.backup.ItemKind;
import io.m365vault.backup.Json;
import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import io.m365vault.graph.DeltaPager;
import io.m365vault.graph.GraphStatusException;
import io.m365vault.graph.TenantGraph;
import io.m365vault.graph.TenantGraphReader;
import io.m365vault.repo.CatalogEntry;
import io.m365vault.repo.Repository;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A site's pages as they were at a point in time, recreated in a site of the tenant (the site
 * itself or another) and published: each a new page from its backed-up sitePage and canvas
 * ({@link PagePayload}), never over one there. A name in use gets a number, as a drive renames
 * ("Home 1.aspx" beside "Home.aspx"); with skip-existing a page of the same name and title there is
 * left out. A page Graph refuses with its web parts is created again with its text web parts only,
 * each standard web part left out said in the notes; a page whose publish fails is removed again,
 * a failed item. The rest is {@link RestoreRun}'s.
 */
public final class PageRestore {
    private final Repository repo;
    private final TenantGraph graph;

    public PageRestore(Repository repo, TenantGraph graph) {
        this.repo = repo;
        this.graph = graph;
    }

    /** The pages of the backup at {@code at}. @throws RestoreRefusedException when it holds none */
    public TenantRestorePlan plan(ProtectedItem source, Instant at) {
        List<CatalogEntry> pages = new ArrayList<>();
        repo.catalog().at(source.partition(Workload.PAGES), at, ItemKind.SITE_PAGE, pages::add);
        if (pages.isEmpty()) {
            throw new RestoreRefusedException("no page of " + source + " is in repository " + repo.name() + " at " + at
                    + ": check the protected item and the time");
        }
        pages.sort(Comparator.comparing(CatalogEntry::itemId));
        return new TenantRestorePlan("pages", pages.size(),
                (job, options) -> new TargetChecks(graph, new RestoreRun(graph, job, source, at, options, "pages", "Sites.ReadWrite.All", "site")).site(),
                (job, options) -> write(job, source, at, options, pages));
    }

    public TenantRestoreResult restore(String job, ProtectedItem source, Instant at, TenantRestoreOptions options) throws IOException {
        return plan(source, at).run(job, options);
    }

    private TenantRestoreResult write(String job, ProtectedItem source, Instant at, TenantRestoreOptions options, List<CatalogEntry> pages)
            throws IOException {
        if (!"site".equals(options.target().kind())) {
            throw new IllegalArgumentException("pages are restored into a site, not " + options.target());
        }
        RestoreRun run = new RestoreRun(graph, job, source, at, options, "pages", "Sites.ReadWrite.All", "site");
        String site = "/sites/" + Json.seg(options.target().id());
        run.answer(site + "?$select=id");
        Set<String> names = new HashSet<>();
        Set<String> same = new HashSet<>();
        try {
            for (JsonNode p : new DeltaPager(new TenantGraphReader(graph, 200)).all(site.substring(1) + "/pages/microsoft.graph.sitePage?$select=id,name,title")) {
                names.add(lower(p.path("name").asText()));
                same.add(key(p));
            }
        } catch (GraphStatusException e) {
            throw run.refusal(e);
        }
        RestoreNotes notes = new RestoreNotes();
        TenantRestoreResult r = run.each(pages, CatalogEntry::itemId, "site page", () -> 0, (e, tally) -> {
            JsonNode page = Json.read(repo.reader().readAll(e.content()));
            if (options.skipExisting() && same.contains(key(page))) {
                tally.skipped();
                return null;
            }
            // Names are given here, in order, so pages written side by side never take the same one.
            String name = free(names, page.path("name").asText(e.itemId() + ".aspx"));
            names.add(lower(name));
            same.add(key(page));
            ObjectNode payload = PagePayload.of(page, name);
            return () -> {
                create(site, payload, notes);
                return e.content().size();
            };
        });
        return new TenantRestoreResult(r.items(), r.restored(), r.skipped(), r.bytes(), 0, r.failures(), notes.lines());
    }

    /** Creates and publishes the page; without its standard web parts when Graph refuses them. */
    private void create(String site, ObjectNode payload, RestoreNotes notes) throws IOException {
        JsonNode made;
        try {
            made = graph.requests().postJson(site + "/pages", payload);
        } catch (GraphStatusException e) {
            List<JsonNode> standard = PagePayload.webParts(payload).stream().filter(PagePayload::standard).toList();
            if (e.status() != 400 || standard.isEmpty()) {
                throw e;
            }
            made = graph.requests().postJson(site + "/pages", PagePayload.withoutStandardWebParts(payload));
            for (JsonNode w : standard) {
                notes.add("page " + payload.path("name").asText() + ": web part " + w.path("id").asText() + " ("
                        + w.path("data").path("title").asText("untitled") + ", type " + w.path("webPartType").asText() + ") left out: "
                        + "Graph refused the page with it (" + e.getMessage() + ")");
            }
        }
        String page = site + "/pages/" + Json.seg(made.path("id").asText());
        try {
            graph.requests().send(HttpMethod.POST, page + "/microsoft.graph.sitePage/publish", null, null);
        } catch (IOException | RuntimeException x) {
            throw PartialItem.undone(x, () -> graph.requests().send(HttpMethod.DELETE, page, null, null), "the unpublished page was removed",
                    "the unpublished page " + page + " could not be removed");
        }
    }

    /** The name, or with the first number that is free before its extension: "Home 1.aspx". */
    private static String free(Set<String> names, String name) {
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        String candidate = name;
        for (int n = 1; names.contains(lower(candidate)); n++) {
            candidate = stem + " " + n + ext;
        }
        return candidate;
    }

    private static String key(JsonNode page) {
        return lower(page.path("name").asText()) + "|" + page.path("title").asText();
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
