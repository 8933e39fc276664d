package io.m365vault.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.m365vault.repo.CatalogEntry;
import io.m365vault.repo.ChunkerParams;
import io.m365vault.repo.Checkpoint;
import io.m365vault.repo.ContentRef;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one {@link DeltaCollection} up to date: follows the delta from the stored link, turns
 * each page into catalog versions and checkpoints page by page; the session commits (pack,
 * index, catalog, then the checkpoints) when enough is pending, so a killed worker resumes at
 * the last committed page. A 410 re-enumerates the collection:
 * items unchanged since the last run cost no download, and items not seen again are closed.
 */
public final class DeltaSync {
    private static final Logger LOG = LoggerFactory.getLogger(DeltaSync.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SyncContext ctx;
    private final ChunkerParams chunker;

    public DeltaSync(SyncContext ctx) {
        this.ctx = ctx;
        this.chunker = ctx.repo().config().chunker(ctx.workload().id());
    }

    /** Runs the collection to its new delta link. */
    public void run(DeltaCollection c) throws IOException {
        Map<String, Object> state = ctx.repo().state().get(ctx.stateScope(), c.stateKey()).orElse(Map.of());
        boolean resync = Boolean.TRUE.equals(state.get("resync"));
        String url = resync ? c.initialUrl() : firstNonNull((String) state.get("next"), (String) state.get("delta"), c.initialUrl());
        Set<String> seen = new HashSet<>();
        Set<String> parents = new HashSet<>();
        while (true) {
            JsonNode page;
            try {
                page = ctx.graph().get(url);
            } catch (SyncStateExpiredException e) {
                if (resync && url.equals(c.initialUrl())) {
                    throw e;
                }
                LOG.warn("delta expired, re-enumerating run={} item={} workload={} collection={}: {}",
                        ctx.runId(), ctx.item(), ctx.workload().id(), c.stateKey(), e.getMessage());
                ctx.stats().resyncs.incrementAndGet();
                resync = true;
                seen.clear();
                parents.clear();
                url = c.initialUrl();
                // A crash from here on restarts the enumeration: a partial one cannot tell what was deleted.
                ctx.session().checkpoint(checkpoint(c, Map.of("resync", true)));
                continue;
            }
            ctx.stats().pages.incrementAndGet();
            apply(c, page.path("value"), seen, parents);
            String next = text(page, "@odata.nextLink");
            if (next != null) {
                ctx.session().checkpoint(resync ? checkpoint(c, Map.of("resync", true)) : checkpoint(c, Map.of("next", next)));
                url = next;
                continue;
            }
            if (resync) {
                closeUnseen(c, seen, parents);
            }
            String delta = text(page, "@odata.deltaLink");
            if (delta == null) {
                throw new IOException("Graph ended the delta of " + c.stateKey() + " with neither nextLink nor deltaLink");
            }
            ctx.session().checkpoint(checkpoint(c, Map.of("delta", delta)));
            return;
        }
    }

    /**
     * A collection Graph offers no delta for (contact folders): the whole listing replaces the
     * current view; what it no longer lists is closed.
     */
    public void replaceAll(DeltaCollection c, List<JsonNode> listing) throws IOException {
        Set<String> seen = new HashSet<>();
        Set<String> parents = new HashSet<>();
        apply(c, JSON.valueToTree(listing), seen, parents);
        closeUnseen(c, seen, parents);
    }

    private void apply(DeltaCollection c, JsonNode items, Set<String> seen, Set<String> parents) throws IOException {
        Set<String> ids = new HashSet<>();
        items.forEach(item -> {
            String id = text(item, "id");
            if (id != null) {
                ids.add(id);
            }
        });
        Map<String, CatalogEntry> latest = ctx.repo().catalog().latest(ctx.partition(), ids);
        List<Pending> pending = new ArrayList<>();
        for (JsonNode item : items) {
            String id = text(item, "id");
            if (id == null) {
                continue;
            }
            if (item.has("@removed")) {
                remove(c, latest.get(id));
                continue;
            }
            seen.add(id);
            Pending p = plan(c, id, item, latest.get(id));
            String parent = c.parent() != null ? c.parent() : text(item, "parentFolderId");
            if (parent != null) {
                parents.add(parent);
            }
            if (p != null) {
                pending.add(p);
            }
        }
        for (Pending p : pending) {
            write(c, p);
        }
    }

    /** What to do with a new or changed item; null when the catalog already has this version. */
    private Pending plan(DeltaCollection c, String id, JsonNode item, CatalogEntry latest) {
        CatalogEntry current = latest != null && latest.validTo() == null ? latest : null;
        // Closed by this very run: it moved out of a folder synced earlier and arrives here now.
        CatalogEntry justClosed = latest != null && ctx.runTime().equals(latest.validTo()) ? latest : null;
        String parent = c.parent() != null ? c.parent() : text(item, "parentFolderId");
        if (current != null && sameVersion(current, item) && Objects.equals(parent, current.parent())) {
            ctx.stats().unchanged.incrementAndGet();
            return null;
        }
        CatalogEntry previous = current != null ? current : justClosed;
        String path = c.content() == null ? null : c.content().path(item);
        boolean reuse = previous != null && (path == null || !c.content().mayChange(item));
        Future<byte[]> fetch = path == null || reuse ? null : ctx.fetchers().submit(() -> download(path));
        return new Pending(id, item, parent, previous, current != null, reuse, fetch);
    }

    private void write(DeltaCollection c, Pending p) throws IOException {
        ContentRef content;
        if (p.reuse) {
            content = p.previous.content();
        } else if (p.fetch != null) {
            byte[] bytes = await(p.fetch);
            ctx.stats().contentFetched.incrementAndGet();
            if (bytes == null) {
                content = ContentRef.EMPTY;
            } else {
                ctx.stats().bytesFetched.addAndGet(bytes.length);
                content = ctx.session().store(bytes, chunker);
            }
        } else {
            content = ContentRef.EMPTY;
        }
        if (p.previous == null) {
            ctx.stats().added.incrementAndGet();
        } else if (!Objects.equals(p.parent, p.previous.parent())) {
            ctx.stats().moved.incrementAndGet();
        } else {
            ctx.stats().changed.incrementAndGet();
        }
        if (p.isCurrent) {
            ctx.session().record(p.previous.closedAt(ctx.runTime()));
        }
        byte[] metadata = JSON.writeValueAsBytes(p.item);
        ctx.session().record(new CatalogEntry(ctx.partition(), p.id, ctx.runTime(), null, c.kind(), p.parent,
                content.size(), content, metadata));
    }

    private void remove(DeltaCollection c, CatalogEntry latest) {
        if (latest == null || latest.validTo() != null) {
            return;
        }
        // A folder's delta reports an item that moved away as removed: it lives on elsewhere.
        if (c.parent() != null && !c.parent().equals(latest.parent())) {
            return;
        }
        ctx.session().record(latest.closedAt(ctx.runTime()));
        ctx.stats().removed.incrementAndGet();
    }

    /**
     * Closes what a full enumeration did not list. Without a fixed parent the scope is every
     * item of the kind (folder trees) or, for a folder addressed by a well-known name, the
     * parents its listed items named.
     */
    private void closeUnseen(DeltaCollection c, Set<String> seen, Set<String> parents) {
        boolean wholeKind = c.parent() == null && (c.kind().equals(ItemKind.MAIL_FOLDER) || c.kind().equals(ItemKind.CONTACT_FOLDER));
        ctx.repo().catalog().at(ctx.partition(), ctx.runTime(), c.kind(), e -> {
            boolean inScope = wholeKind || (c.parent() != null ? c.parent().equals(e.parent()) : parents.contains(e.parent()));
            if (inScope && !seen.contains(e.itemId()) && e.validFrom().isBefore(ctx.runTime())) {
                ctx.session().record(e.closedAt(ctx.runTime()));
                ctx.stats().removed.incrementAndGet();
            }
        });
    }

    private static boolean sameVersion(CatalogEntry current, JsonNode item) {
        try {
            JsonNode stored = JSON.readTree(current.metadata());
            String key = text(item, "changeKey");
            // A series master's exceptions can change without its own changeKey: compare it whole.
            return key != null && !item.has("exceptionOccurrences") ? key.equals(text(stored, "changeKey")) : stored.equals(item);
        } catch (IOException e) {
            return false;
        }
    }

    /** The content's bytes; an item without content (a contact with no photo) answers 404: none. */
    private byte[] download(String path) throws IOException {
        try (InputStream in = ctx.graph().open(path)) {
            return in.readAllBytes();
        } catch (GraphNotFoundException e) {
            return null;
        }
    }

    private Checkpoint checkpoint(DeltaCollection c, Map<String, Object> values) {
        Map<String, Object> v = new HashMap<>(values);
        v.put("run", ctx.runId());
        return new Checkpoint(ctx.stateScope(), c.stateKey(), v);
    }

    private static byte[] await(Future<byte[]> f) throws IOException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading", e);
        }
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private record Pending(String id, JsonNode item, String parent, CatalogEntry previous, boolean isCurrent,
                           boolean reuse, Future<byte[]> fetch) {
    }
}
