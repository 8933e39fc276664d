package io.m365vault.restore.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.kiota.HttpMethod;
import io.m365vault.backup.Json;
import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.lists.ListAttachmentShape;
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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A site's lists as they were at a point in time, written into a site of the tenant: the site
 * itself or another one. Each list is found on the target by its display name or created with its
 * template, and given the columns it lacks ({@link TargetLists}); then its items, each created
 * anew with its writable values ({@link ListItemFields}), never over an item there: with
 * skip-existing an item whose values equal one the list holds is left out, else it is a new item
 * beside it. An item's attachments are added after it through SharePoint REST, which takes no
 * token got with a client secret: then the items are restored without them, said in the notes; an
 * attachment that fails removes its item again ({@link PartialItem}), a failed item.
 *
 * <p>Person values are ids into the site's people list: kept in the same site, matched by user name
 * in another (left out, with a note, for a person that site has never seen). Lookup values point at
 * items of another list: the lists looked up are restored first, and an id is turned into the
 * restored copy's (or the one skipped as there). The people list itself is not restored. The rest
 * is {@link RestoreRun}'s.
 */
public final class ListRestore {
    private static final Logger LOG = LoggerFactory.getLogger(ListRestore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> SHAREPOINT_JSON = Map.of("Accept", "application/json;odata=nometadata");

    private final Repository repo;
    private final TenantGraph graph;

    public ListRestore(Repository repo, TenantGraph graph) {
        this.repo = repo;
        this.graph = graph;
    }

    /** The lists and items of the backup at {@code at}. @throws RestoreRefusedException when it holds no list */
    public TenantRestorePlan plan(ProtectedItem source, Instant at) {
        BackedUpLists backed = BackedUpLists.read(repo, source, at);
        return new TenantRestorePlan("lists", backed.itemCount(),
                (job, options) -> new TargetChecks(graph, new RestoreRun(graph, job, source, at, options, "lists", "Sites.Manage.All", "site")).site(),
                (job, options) -> write(job, source, at, options, backed));
    }

    public TenantRestoreResult restore(String job, ProtectedItem source, Instant at, TenantRestoreOptions options) throws IOException {
        return plan(source, at).run(job, options);
    }

    /** Where one restore writes: the target site, its lists, and the ids its copies got. */
    private final class Into {
        final RestoreRun run;
        final ProtectedItem source;
        final String site;
        final String webUrl;
        final TargetLists lists;
        final SitePeople people;
        final RestoreNotes notes = new RestoreNotes();
        /** Backed-up list id to the target's. */
        final Map<String, String> listIds = new ConcurrentHashMap<>();
        /** Backed-up {@code <list id>:<item id>} to the target's item id: the copy, or the item skipped as the same. */
        final Map<String, String> itemIds = new ConcurrentHashMap<>();
        final String attachmentsRefused = graph.sharePointRefusal();

        Into(RestoreRun run, ProtectedItem source, TenantRestoreOptions options, BackedUpLists backed) throws IOException {
            this.run = run;
            this.source = source;
            ProtectedItem target = options.target();
            if (!"site".equals(target.kind())) {
                throw new IllegalArgumentException("lists are restored into a site, not " + target);
            }
            site = "/sites/" + Json.seg(target.id());
            webUrl = run.answer(site + "?$select=id,webUrl").path("webUrl").asText();
            DeltaPager pager = new DeltaPager(new TenantGraphReader(graph, 200));
            try {
                lists = TargetLists.of(graph.requests(), pager, site);
                people = target.equals(source) ? SitePeople.same() : SitePeople.of(pager, site, backed.people());
            } catch (GraphStatusException e) {
                throw run.refusal(e);
            }
        }

        /** A person's or looked-up item's id in the target, or null when it has none there. */
        String id(JsonNode column, String backedUp) {
            if (column.has("personOrGroup")) {
                return people.of(backedUp);
            }
            String list = column.path("lookup").path("listId").asText();
            String copy = itemIds.get(list + ":" + backedUp);
            // In the list itself (restored into its own site) the ids still name the same items.
            return copy != null ? copy : list.equals(listIds.get(list)) ? backedUp : null;
        }
    }

    private TenantRestoreResult write(String job, ProtectedItem source, Instant at, TenantRestoreOptions options, BackedUpLists backed)
            throws IOException {
        Into into = new Into(new RestoreRun(graph, job, source, at, options, "lists", "Sites.Manage.All", "site"), source, options, backed);
        long total = backed.itemCount();
        List<TenantRestoreResult> results = new ArrayList<>();
        for (JsonNode list : lookedUpFirst(backed.lists())) {
            long doneBefore = results.stream().mapToLong(r -> r.restored() + r.skipped() + r.failures().size()).sum();
            long bytesBefore = results.stream().mapToLong(TenantRestoreResult::bytes).sum();
            TenantRestoreOptions shifted = new TenantRestoreOptions(options.target(), options.folder(), options.skipExisting(),
                    (d, o, b) -> options.progress().at(doneBefore + d, total, bytesBefore + b), options.ledger());
            results.add(list(job, new RestoreRun(graph, job, source, at, shifted, "lists", "Sites.Manage.All", "site"), into, list,
                    backed.itemsOf(list), backed.attachments(), options.skipExisting()));
        }
        List<TenantRestoreResult.Failure> failures = results.stream().flatMap(r -> r.failures().stream()).toList();
        return new TenantRestoreResult(total, results.stream().mapToLong(TenantRestoreResult::restored).sum(),
                results.stream().mapToLong(TenantRestoreResult::skipped).sum(), results.stream().mapToLong(TenantRestoreResult::bytes).sum(),
                into.lists.created(), failures, into.notes.lines());
    }

    /** One list and its items; a list that cannot be made fails its items, with why. */
    private TenantRestoreResult list(String job, RestoreRun run, Into into, JsonNode list, List<CatalogEntry> items,
                                     Map<String, List<CatalogEntry>> attachments, boolean skipExisting) {
        String name = list.path("displayName").asText();
        TargetLists.Target target;
        try {
            target = into.lists.ensure(list, into.listIds, into.notes);
        } catch (IOException | RuntimeException e) {
            if (e instanceof GraphStatusException g && RestoreRun.stopsAll(g)) {
                throw into.run.refusal(g);
            }
            return run.each(items, CatalogEntry::itemId, "list item", () -> 0, (i, tally) -> {
                throw new IOException("its list " + name + " could not be made: " + e.getMessage(), e);
            });
        }
        into.listIds.put(list.path("id").asText(), target.id());
        LOG.info("tenant restore list job={} item={} workload=lists list={} targetList={} columns={} items={}", job, into.source, name,
                target.id(), target.columns().size(), items.size());
        ExistingListItems existing = new ExistingListItems(new DeltaPager(new TenantGraphReader(graph, 200)),
                into.site + "/lists/" + Json.seg(target.id()), target.columns().keySet());
        return run.each(items, CatalogEntry::itemId, "list item", () -> 0, (item, tally) -> {
            ObjectNode fields = ListItemFields.of(Json.read(item.metadata()).path("fields"), target, name, into::id, into.notes);
            String key = ListItemFields.key(fields, target.columns().keySet());
            if (skipExisting) {
                String there = existing.find(key);
                if (there != null) {
                    into.itemIds.put(item.itemId(), there);
                    tally.skipped();
                    return null;
                }
            }
            List<CatalogEntry> files = attachments.getOrDefault(item.itemId(), List.of());
            return () -> {
                String id = create(into, target.id(), name, fields, files);
                into.itemIds.put(item.itemId(), id);
                if (skipExisting) {
                    existing.added(key, id);
                }
                return item.metadata().length + files.stream().mapToLong(CatalogEntry::size).sum();
            };
        });
    }

    /** The item, then its files; a file that fails removes the item again. Returns the new item's id. */
    private String create(Into into, String list, String name, ObjectNode fields, List<CatalogEntry> files) throws IOException {
        String items = into.site + "/lists/" + Json.seg(list) + "/items";
        String id = graph.requests().postJson(items, JSON.createObjectNode().set("fields", fields)).path("id").asText();
        if (files.isEmpty()) {
            return id;
        }
        if (into.attachmentsRefused != null) {
            into.notes.count("list " + name + ": attachments not restored, SharePoint REST refuses this app: " + into.attachmentsRefused);
            return id;
        }
        String itemUrl = ListAttachmentShape.itemUrl(into.webUrl, list, id);
        try {
            for (CatalogEntry f : files) {
                String url = ListAttachmentShape.addUrl(itemUrl, Json.read(f.metadata()).path("FileName").asText());
                graph.sharePoint(url).send(HttpMethod.POST, url, repo.reader().readAll(f.content()), "application/octet-stream", SHAREPOINT_JSON);
            }
        } catch (IOException | RuntimeException e) {
            String item = items + "/" + Json.seg(id);
            throw PartialItem.undone(e, () -> graph.requests().send(HttpMethod.DELETE, item, null, null), "its partial copy was removed",
                    "its partial copy " + item + " could not be removed");
        }
        return id;
    }

    /** The lists in the order they are written: those another one looks up first, so the lookups can point at their copies. */
    static List<JsonNode> lookedUpFirst(List<JsonNode> lists) {
        Set<String> lookedUp = new HashSet<>();
        for (JsonNode l : lists) {
            for (JsonNode c : l.path("columns")) {
                if (c.has("lookup")) {
                    lookedUp.add(c.path("lookup").path("listId").asText());
                }
            }
        }
        List<JsonNode> out = new ArrayList<>(lists);
        out.sort(Comparator.comparing(l -> !lookedUp.contains(l.path("id").asText())));
        return out;
    }
}
