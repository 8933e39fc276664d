package io.m365vault.backup.lists;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.backup.ChildListings;
import io.m365vault.backup.Collection;
import io.m365vault.backup.CollectionSync;
import io.m365vault.backup.Containers;
import io.m365vault.backup.ItemKind;
import io.m365vault.backup.Json;
import io.m365vault.backup.SyncContext;
import io.m365vault.backup.WorkloadSync;
import io.m365vault.graph.DeltaPager;
import io.m365vault.graph.GraphNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lists of a site ({@code sites/{id}/lists}, which hides lists with the {@code system} facet):
 * generic lists, issue trackers, task and custom lists, each with its columns and content types.
 * Libraries are left out (their files are the files workload, the Site Pages library the pages
 * workload), and so are hidden lists, except the site's User Information List: person columns
 * hold lookup ids into it, so it is what turns them into names when exported. The lists are a
 * listing (a list that is gone closes with its items); each list's items are followed by their
 * own delta, checkpointed per page. A list that cannot be read does not stop the others.
 *
 * <p>List item attachments: Graph has no API for them (v1.0 or beta), only SharePoint REST
 * ({@code AttachmentFiles}, under the site's {@code webUrl}), which takes app-only tokens got with
 * a certificate or a managed identity but refuses those got with a client secret. With such a
 * credential an item's files are read with the page that wrote the item, before its checkpoint;
 * with a secret they are left out and the run says so. An item whose files cannot be read is a
 * failed item, read again next run; once SharePoint refuses the app's token, no more are asked for.
 */
public final class ListsSync implements WorkloadSync {
    private static final Logger LOG = LoggerFactory.getLogger(ListsSync.class);
    static final String LISTS = "lists";
    static final String ITEMS = "items:";
    static final String PEOPLE = "User Information List";
    static final String ATTACHMENTS = "attachments:";

    /** The lists this run knows (listed now or stored): only their ids have delta state to drop when they close. */
    private final Set<String> lists = new HashSet<>();
    private String note;

    @Override
    public void run(SyncContext ctx) throws IOException {
        String base = ctx.base();
        DeltaPager pager = new DeltaPager(ctx.graph());
        List<JsonNode> listed = new ArrayList<>();
        for (JsonNode l : pager.all(base + "/lists")) {
            if (backedUp(l)) {
                listed.add(withSchema(pager, base, l));
            }
        }
        JsonNode people = peopleList(ctx, base);
        if (people != null && listed.stream().noneMatch(l -> l.path("id").asText().equals(people.path("id").asText()))) {
            listed.add(withSchema(pager, base, people));
        }
        ctx.repo().catalog().at(ctx.partition(), ctx.runTime(), ItemKind.LIST, l -> lists.add(l.itemId()));
        CollectionSync sync = new CollectionSync(ctx);
        sync.replaceAll(Collection.listing(LISTS, base + "/lists", new ListShape(), null), listed);
        List<String> ids = listed.stream().map(l -> l.get("id").asText()).toList();
        lists.addAll(ids);
        String refusal = ctx.graph().sharePointRefusal();
        ListAttachments files = refusal == null ? new ListAttachments(ctx, Json.text(ctx.graph().get(base + "?$select=id,webUrl"), "webUrl")) : null;
        ChildListings attachments = files == null ? null : new ChildListings(ctx, ATTACHMENTS, files);
        List<CollectionSync.Written> written = Containers.each(sync, ids, "lists", id -> Collection.delta(ITEMS + id,
                base + "/lists/" + Json.seg(id) + "/items/delta()?$expand=fields", new ListItemShape(base, id), id),
                page -> {
                    if (attachments != null) {
                        attachments.written(sync, page);
                    }
                });
        long withAttachments = written.stream().filter(w -> ListAttachments.hasFiles(w.item())).count();
        if (attachments == null) {
            note = "list item attachments are not backed up: Graph has no API for them and SharePoint REST refuses this app: " + refusal
                    + "; " + withAttachments + " of the " + written.size() + " items this run wrote have attachments";
            return;
        }
        attachments.retryFailed(sync);
        note = files.refused() == null ? null : "list item attachments are not backed up: SharePoint REST refuses the app's token ("
                + files.refused() + "); the items with attachments are failed items, read again next run";
    }

    /** Lists, not libraries (documentLibrary, webPageLibrary, pictureLibrary...: drives); not hidden or system lists. */
    static boolean backedUp(JsonNode list) {
        JsonNode info = list.path("list");
        return !info.path("template").asText("").endsWith("Library") && !info.path("hidden").asBoolean(false) && !list.has("system");
    }

    /** The site's people list by its title, or null where the site has none. */
    private static JsonNode peopleList(SyncContext ctx, String base) throws IOException {
        try {
            return ctx.graph().get(base + "/lists/" + Json.seg(PEOPLE));
        } catch (GraphNotFoundException none) {
            LOG.info("no people list run={} item={} workload=lists: person columns keep their lookup ids only", ctx.runId(), ctx.item());
            return null;
        }
    }

    /**
     * The list with its schema: {@code columns} and {@code contentTypes}, each its own documented
     * listing (Graph documents {@code $expand=columns} on one list, not on the listing of lists).
     */
    private static JsonNode withSchema(DeltaPager pager, String base, JsonNode list) throws IOException {
        ObjectNode copy = ((ObjectNode) list).deepCopy();
        String path = base + "/lists/" + Json.seg(list.get("id").asText());
        copy.putArray("columns").addAll(pager.all(path + "/columns"));
        copy.putArray("contentTypes").addAll(pager.all(path + "/contentTypes"));
        return copy;
    }

    @Override
    public String note() {
        return note;
    }

    @Override
    public List<String> stateKeysOf(String containerId) {
        return lists.contains(containerId) ? List.of(ITEMS + containerId) : List.of();
    }
}
