package io.m365vault.backup;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Children that are read per parent item rather than by a collection of their own: an event's
 * attachments, a list item's files. A parent written this run that has or had children gets them
 * listed (those no longer there close); a parent whose children cannot be listed is a failed item
 * of the children's collection, and a later run lists them again from the stored parent, even if
 * the parent did not change since.
 */
public final class ChildListings {
    /** What differs per kind of parent. */
    public interface Children {
        /** The collection of one parent's children; its key is the prefix and the parent's catalog id. */
        Collection collection(String parentId);

        /** Whether the parent (as Graph sent it, or as the catalog keeps it) has children. */
        boolean has(JsonNode parent);

        /** The children of {@code parent} (its catalog id and Graph JSON) as they are now. */
        List<JsonNode> list(String parentId, JsonNode parent) throws IOException;
    }

    private final SyncContext ctx;
    private final String prefix;
    private final Children children;
    /** Parents whose children this run listed or tried to: the retry must not take them for parents gone. */
    private final Set<String> tried = new HashSet<>();

    /** {@code prefix} begins every children collection's key, e.g. {@code attachments:}. */
    public ChildListings(SyncContext ctx, String prefix, Children children) {
        this.ctx = ctx;
        this.prefix = prefix;
        this.children = children;
    }

    /**
     * The children of the parents written that have or had any. Each such parent is first recorded
     * as a failed item of its children's collection, cleared once they are read: whatever commits
     * the parents from here on commits the record too, so a worker killed before their children
     * are read leaves them to the next run's {@link #retryFailed}.
     */
    public void written(CollectionSync sync, List<CollectionSync.Written> parents) throws IOException {
        List<Map.Entry<CollectionSync.Written, Collection>> todo = new ArrayList<>();
        for (CollectionSync.Written w : parents) {
            boolean had = w.previous() != null && children.has(Json.read(w.previous().metadata()));
            if (children.has(w.item()) || had) {
                Collection c = children.collection(w.id());
                todo.add(Map.entry(w, c));
                ctx.failed().failed(ctx.session(), ctx.runTime(), new ItemFault(c.key(), c.shape().kind(), w.id(),
                        noun() + " not read yet: the run ended first"));
            }
        }
        for (Map.Entry<CollectionSync.Written, Collection> t : todo) {
            CollectionSync.Written w = t.getKey();
            Collection collection = t.getValue();
            String parent = w.id();
            tried.add(parent);
            List<JsonNode> listed;
            try {
                listed = children.has(w.item()) ? children.list(parent, w.item()) : List.of();
            } catch (IOException e) {
                // One parent's children that cannot be listed cost only them: listed again next run from the stored parent.
                sync.fault(collection, parent, noun() + " not listed: " + e.getMessage());
                continue;
            }
            sync.replaceAll(collection, listed);
            ctx.failed().cleared(ctx.session(), collection.key(), parent);
        }
    }

    private String noun() {
        return prefix.replace(":", "");
    }

    /**
     * The children that failed in an earlier run, of parents not written this run (and so not
     * listed above): listed again from the stored parent; those of a parent gone are forgotten.
     */
    public void retryFailed(CollectionSync sync) throws IOException {
        Set<String> parents = new TreeSet<>();
        for (FailedItems.Row r : ctx.failed().rows()) {
            if (r.collection().startsWith(prefix) && !tried.contains(r.collection().substring(prefix.length()))) {
                parents.add(r.collection().substring(prefix.length()));
            }
        }
        List<CollectionSync.Written> again = new ArrayList<>();
        for (String parent : parents) {
            ctx.repo().catalog().current(ctx.partition(), parent).ifPresentOrElse(
                    e -> again.add(new CollectionSync.Written(parent, Json.read(e.metadata()), e)),
                    () -> ctx.failed().of(prefix + parent).forEach(r -> ctx.failed().cleared(ctx.session(), r.collection(), r.itemId())));
        }
        written(sync, again);
    }
}
