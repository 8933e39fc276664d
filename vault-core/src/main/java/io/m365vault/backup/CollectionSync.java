package io.m365vault.backup;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.graph.DeltaExpiredException;
import io.m365vault.graph.DeltaPage;
import io.m365vault.graph.DeltaPager;
import io.m365vault.graph.GraphNotFoundException;
import io.m365vault.repo.CatalogEntry;
import io.m365vault.repo.Checkpoint;
import io.m365vault.repo.ChunkerParams;
import io.m365vault.repo.ContentRef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one backup loop, for every workload: brings a {@link Collection} up to date. A delta
 * collection follows its delta from the stored link, a listing is read whole; each page becomes
 * catalog versions, and the page's checkpoint goes to the session, which commits (pack, index,
 * catalog, then checkpoints) when enough is pending, so a killed worker resumes at its last
 * committed page.
 *
 * <p>An item whose content cannot be read is a failed item of the run ({@link ItemFault}, kept in
 * {@link FailedItems}); the page's checkpoint still advances, and the next run retries it. A 410
 * re-enumerates the collection, saving its progress (the ids seen so far are stored with its
 * checkpoint), and closes what it did not list only once the enumeration is complete.
 */
public final class CollectionSync {
    private static final Logger LOG = LoggerFactory.getLogger(CollectionSync.class);

    private final SyncContext ctx;
    private final ChunkerParams chunker;
    private final DeltaPager pager;
    private final RunView view;

    public CollectionSync(SyncContext ctx) {
        this.ctx = ctx;
        this.chunker = ctx.repo().config().chunker(ctx.workload().id());
        this.pager = new DeltaPager(ctx.graph());
        this.view = ctx.view();
    }

    /**
     * Runs the collection: a delta round to its new delta link, or the whole listing. Returns the
     * items that became new versions in this run (as Graph sent them), for syncs that follow
     * children of changed items (an event's attachments).
     */
    public List<Written> run(Collection c) throws IOException {
        return run(c, page -> { });
    }

    /** What a sync does with each page's new versions before the page's checkpoint: read their children (a list item's files). */
    public interface PageHook {
        void written(List<Written> page) throws IOException;
    }

    /**
     * As {@link #run(Collection)}, handing each page's new versions to {@code hook} before the
     * page's checkpoint, so that a worker killed after the checkpoint has read their children too.
     */
    public List<Written> run(Collection c, PageHook hook) throws IOException {
        List<Written> written = new ArrayList<>();
        if (!c.delta()) {
            Set<String> seen = new HashSet<>();
            Set<String> parents = new HashSet<>();
            pager.list(c.url(), page -> applyThen(hook, c, page.items(), seen, parents, written));
            closeUnseen(c, seen, parents);
            return written;
        }
        Map<String, Object> state = ctx.repo().state().get(ctx.stateScope(), c.key()).orElse(Map.of());
        boolean resync = Boolean.TRUE.equals(state.get("resync"));
        Set<String> seen = new HashSet<>();
        Set<String> parents = new HashSet<>();
        if (resync) {
            seen.addAll(readIds(state.get("seen")));
            parents.addAll(readIds(state.get("parents")));
        }
        String url = resync ? first((String) state.get("next"), c.url())
                : first((String) state.get("next"), (String) state.get("delta"), c.url());
        while (true) {
            boolean[] resyncing = {resync};
            try {
                pager.run(url, page -> {
                    ctx.stats().pages.incrementAndGet();
                    applyThen(hook, c, page.items(), seen, parents, written);
                    checkpoint(c, page, resyncing[0], seen, parents);
                });
                break;
            } catch (DeltaExpiredException e) {
                if (resync && url.equals(c.url())) {
                    throw e; // a fresh enumeration that expires at once: nothing to resume from
                }
                LOG.warn("delta expired, re-enumerating run={} item={} workload={} collection={}: {}",
                        ctx.runId(), ctx.item(), ctx.workload().id(), c.key(), e.getMessage());
                ctx.stats().resyncs.incrementAndGet();
                resync = true;
                seen.clear();
                parents.clear();
                url = c.url();
                // A crash from here on resumes the enumeration, never the expired link.
                ctx.session().checkpoint(checkpoint(c, Map.of("resync", true)));
            }
        }
        retryFailed(c, seen, written, hook);
        return written;
    }

    private void applyThen(PageHook hook, Collection c, List<JsonNode> items, Set<String> seen, Set<String> parents,
                           List<Written> written) throws IOException {
        int from = written.size();
        apply(c, items, seen, parents, written);
        hook.written(List.copyOf(written.subList(from, written.size())));
    }

    /**
     * A collection Graph offers no delta or listing for as it is needed (events with their
     * occurrences expanded): {@code listing} is the whole of it; what it does not hold is closed.
     */
    public List<Written> replaceAll(Collection c, List<JsonNode> listing) throws IOException {
        List<Written> written = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> parents = new HashSet<>();
        apply(c, listing, seen, parents, written);
        closeUnseen(c, seen, parents);
        return written;
    }

    /**
     * Items of a collection found changed another way than by its own delta or listing (a
     * calendar view's delta names the events that changed): applied; nothing unlisted is closed.
     */
    public List<Written> update(Collection c, List<JsonNode> items) throws IOException {
        List<Written> written = new ArrayList<>();
        apply(c, items, new HashSet<>(), new HashSet<>(), written);
        return written;
    }

    /** Items of {@code c} that this run brought in (new or changed), with the version they replaced. */
    /** @param id the item's catalog id ({@link ItemShape#id}) */
    public record Written(String id, JsonNode item, CatalogEntry previous) { }

    private void checkpoint(Collection c, DeltaPage page, boolean resync, Set<String> seen, Set<String> parents) throws IOException {
        if (page.last()) {
            if (resync) {
                closeUnseen(c, seen, parents);
            }
            ctx.session().checkpoint(checkpoint(c, Map.of("delta", page.deltaLink())));
        } else if (!resync) {
            ctx.session().checkpoint(checkpoint(c, Map.of("next", page.nextLink())));
        } else if (ctx.session().commitDue()) {
            // The ids seen so far, and the folders they named, travel with the checkpoint, so a resumed
            // resync still knows what it saw and which folders it vouches for.
            ctx.session().checkpoint(checkpoint(c, Map.of("resync", true, "next", page.nextLink(),
                    "seen", storeIds(seen), "parents", storeIds(parents))));
        }
    }

    /** Chunked by content, each store of a growing list adds only its new tail to the repository. */
    private String storeIds(Set<String> ids) {
        String joined = String.join("\n", ids.stream().sorted().toList());
        return ctx.session().store(joined.getBytes(StandardCharsets.UTF_8), chunker).toBase64();
    }

    /** A list {@link #storeIds} stored; none when the checkpoint has none (written before parents were kept). */
    private Set<String> readIds(Object ref) {
        if (!(ref instanceof String r)) {
            return Set.of();
        }
        String ids = new String(ctx.repo().reader().readAll(ContentRef.fromBase64(r)), StandardCharsets.UTF_8);
        return ids.isEmpty() ? Set.of() : Set.of(ids.split("\n"));
    }

    private void apply(Collection c, List<JsonNode> items, Set<String> seen, Set<String> parents, List<Written> written) throws IOException {
        ItemShape shape = c.shape();
        // Items may repeat within a page as across pages: the last state wins.
        Map<String, JsonNode> last = new LinkedHashMap<>();
        for (JsonNode item : items) {
            String id = shape.id(item);
            if (id != null) {
                last.remove(id);
                last.put(id, item);
            }
        }
        Map<String, CatalogEntry> latest = view.latest(last.keySet());
        List<Planned> planned = new ArrayList<>();
        try {
            for (Map.Entry<String, JsonNode> e : last.entrySet()) {
                String id = e.getKey();
                JsonNode item = e.getValue();
                if (shape.removed(item)) {
                    remove(c, id, latest.get(id));
                    continue;
                }
                seen.add(id);
                String parent = parent(c, item);
                if (parent != null) {
                    parents.add(parent);
                }
                Planned p = plan(c, id, item, parent, latest.get(id));
                if (p != null) {
                    planned.add(p);
                }
            }
            while (!planned.isEmpty()) {
                Planned p = planned.remove(0);
                if (write(c, p)) {
                    written.add(new Written(p.id, p.item, p.previous));
                }
            }
        } finally {
            planned.forEach(p -> {
                if (p.fetch != null) {
                    p.fetch.cancel();
                }
            });
        }
    }

    private String parent(Collection c, JsonNode item) {
        return c.parent() != null ? c.parent() : c.shape().parent(item);
    }

    /** What to do with a new or changed item; null when the catalog already has this version or it cannot be read. */
    private Planned plan(Collection c, String id, JsonNode item, String parent, CatalogEntry latest) {
        ItemShape shape = c.shape();
        CatalogEntry current = latest != null && latest.validTo() == null ? latest : null;
        // Closed by this very run: it moved out of a collection synced earlier and arrives here now.
        CatalogEntry justClosed = latest != null && ctx.runTime().equals(latest.validTo()) ? latest : null;
        JsonNode stored = current != null ? Json.read(current.metadata()) : null;
        if (current != null && Objects.equals(shape.version(item), shape.version(stored)) && Objects.equals(parent, current.parent())) {
            ctx.stats().unchanged.incrementAndGet();
            ctx.failed().cleared(ctx.session(), c.key(), id);
            return null;
        }
        String unreadable = shape.unreadable(item);
        if (unreadable != null) {
            fault(c, id, unreadable);
            return null;
        }
        CatalogEntry previous = current != null ? current : justClosed;
        String tag = shape.contentTag(item);
        boolean reuse = previous != null && (tag == null
                || tag.equals(shape.contentTag(stored != null ? stored : Json.read(previous.metadata()))));
        String path = tag == null || reuse ? null : shape.contentPath(item);
        ContentWindow.Fetch fetch = path == null ? null : ctx.window().fetch(() -> shape.open(ctx.graph(), item));
        return new Planned(id, item, parent, previous, current != null, reuse, fetch);
    }

    /** Writes one planned item; false when its content could not be read (a failed item). */
    private boolean write(Collection c, Planned p) throws IOException {
        ItemShape shape = c.shape();
        ContentRef content;
        if (p.reuse) {
            content = p.previous.content();
        } else if (p.fetch != null) {
            try (InputStream in = p.fetch.stream()) {
                content = ctx.session().store(in, chunker);
            } catch (GraphNotFoundException e) {
                if (!shape.emptyWhenNotFound()) {
                    fault(c, p.id, "content not found (404): not backed up yet, retried next run");
                    return false;
                }
                content = ContentRef.EMPTY;
            } catch (IOException e) {
                fault(c, p.id, e.getMessage() == null ? e.toString() : e.getMessage());
                return false;
            }
            ctx.stats().fetched(content.size());
        } else {
            content = ContentRef.EMPTY;
        }
        boolean again = p.previous != null && p.previous.validFrom().equals(ctx.runTime());
        if (p.previous == null) {
            ctx.stats().added.incrementAndGet();
        } else if (!again && !Objects.equals(p.parent, p.previous.parent())) {
            ctx.stats().moved.incrementAndGet();
        } else if (!again) {
            ctx.stats().changed.incrementAndGet();
        }
        if (p.isCurrent && !again) {
            ctx.session().record(p.previous.closedAt(ctx.runTime()));
        }
        // A version this run already wrote is replaced by the same row key.
        ctx.session().record(new CatalogEntry(ctx.partition(), p.id, ctx.runTime(), null, shape.kind(p.item), p.parent,
                content.size(), content, Json.bytes(shape.metadata(p.item))));
        ctx.failed().cleared(ctx.session(), c.key(), p.id);
        return true;
    }

    private void remove(Collection c, String id, CatalogEntry latest) {
        ctx.failed().cleared(ctx.session(), c.key(), id);
        if (latest == null || latest.validTo() != null) {
            return;
        }
        // A folder's delta reports an item that moved away as removed: it lives on elsewhere.
        if (c.parent() != null && !c.parent().equals(latest.parent())) {
            return;
        }
        close(latest);
    }

    /** Closes the item's current version (a folder that is gone); its children close at the end of the workload. */
    public void close(String itemId) {
        CatalogEntry e = view.latest(List.of(itemId)).get(itemId);
        if (e != null && e.validTo() == null) {
            close(e);
        }
    }

    private void close(CatalogEntry e) {
        ctx.session().record(e.closedAt(ctx.runTime()));
        ctx.stats().removed.incrementAndGet();
        if (Workloads.containerKinds().contains(e.kind())) {
            ctx.closed().add(e.itemId());
        }
    }

    /** Closes what a full enumeration did not list, within the collection's scope. */
    private void closeUnseen(Collection c, Set<String> seen, Set<String> parents) {
        List<CatalogEntry> gone = new ArrayList<>();
        for (String kind : c.shape().kinds()) {
            ctx.repo().catalog().at(ctx.partition(), ctx.runTime(), kind, e -> {
                boolean inScope = switch (c.scope()) {
                    case PARENT -> c.parent().equals(e.parent());
                    case KIND -> true;
                    case NAMED_PARENTS -> parents.contains(e.parent());
                };
                if (inScope && !seen.contains(e.itemId()) && e.validFrom().isBefore(ctx.runTime())) {
                    gone.add(e);
                }
            });
        }
        gone.forEach(this::close);
        for (FailedItems.Row r : ctx.failed().of(c.key())) {
            if (!c.delta() && !seen.contains(r.itemId())) {
                ctx.failed().cleared(ctx.session(), c.key(), r.itemId()); // no longer listed: gone
            }
        }
    }

    /** Items of a delta collection that failed in earlier runs and that this round did not bring: fetched by id. */
    private void retryFailed(Collection c, Set<String> seen, List<Written> written, PageHook hook) throws IOException {
        List<JsonNode> again = new ArrayList<>();
        for (FailedItems.Row r : ctx.failed().of(c.key())) {
            if (seen.contains(r.itemId()) || c.shape().itemPath(r.itemId()) == null) {
                continue;
            }
            try {
                JsonNode item = ctx.graph().get(c.shape().itemPath(r.itemId()));
                String now = c.shape().parent(item);
                if (c.parent() != null && now != null && !now.equals(c.parent())) {
                    ctx.failed().cleared(ctx.session(), c.key(), r.itemId()); // moved: its new folder's delta brings it
                } else {
                    again.add(item);
                }
            } catch (GraphNotFoundException gone) {
                ctx.failed().cleared(ctx.session(), c.key(), r.itemId());
            } catch (IOException e) {
                fault(c, r.itemId(), e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
        if (!again.isEmpty()) {
            LOG.info("retrying failed items run={} item={} workload={} collection={} count={}",
                    ctx.runId(), ctx.item(), ctx.workload().id(), c.key(), again.size());
            applyThen(hook, c, again, new HashSet<>(), new HashSet<>(), written);
            ctx.session().commit();
        }
    }

    /** Records an item of {@code c} that could not be backed up this run: reported, and retried by the next. */
    public void fault(Collection c, String id, String reason) {
        ItemFault f = new ItemFault(c.key(), c.shape().kind(), id, reason);
        LOG.warn("item failed run={} item={} workload={} collection={} kind={} id={}: {}",
                ctx.runId(), ctx.item(), ctx.workload().id(), c.key(), f.kind(), id, reason);
        ctx.stats().failed.incrementAndGet();
        synchronized (ctx.faults()) {
            ctx.faults().add(f);
        }
        ctx.failed().failed(ctx.session(), ctx.runTime(), f);
    }

    private Checkpoint checkpoint(Collection c, Map<String, Object> values) {
        Map<String, Object> v = new HashMap<>(values);
        v.put("run", ctx.runId());
        return new Checkpoint(ctx.stateScope(), c.key(), v);
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private record Planned(String id, JsonNode item, String parent, CatalogEntry previous, boolean isCurrent,
                           boolean reuse, ContentWindow.Fetch fetch) {
    }
}
