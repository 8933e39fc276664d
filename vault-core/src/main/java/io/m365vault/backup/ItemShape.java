package io.m365vault.backup;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.graph.GraphReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * What differs per kind of item for the one backup loop ({@link CollectionSync}): how an item is
 * identified, recognised as removed, given a parent, found to be a new version and to have new
 * content, and where its content streams from. Versions and content are decided by comparing
 * {@link #version} and {@link #contentTag} of the item Graph sent with those of the stored
 * metadata, so a shape needs no state of its own (Corso's handlers are the model).
 */
public interface ItemShape {
    /** The catalog kind of the items ({@link ItemKind}); of the shape's failed items where items differ in kind. */
    String kind();

    /** The kind of one item, for shapes whose items differ in kind (a drive's folders and files). */
    default String kind(JsonNode item) {
        return kind();
    }

    /** Every kind {@link #kind(JsonNode)} gives: what a full enumeration of the collection vouches for. */
    default Set<String> kinds() {
        return Set.of(kind());
    }

    default String id(JsonNode item) {
        return Json.text(item, "id");
    }

    /** Outlook's {@code @removed}, a drive or list item's {@code deleted} facet. */
    boolean removed(JsonNode item);

    /** The parent the item names itself (a folder id), or null when the collection gives it. */
    default String parent(JsonNode item) {
        return null;
    }

    /** Differs between two versions of an item (Outlook's changeKey, a drive item's eTag); never a volatile field. */
    String version(JsonNode item);

    /** Differs when the content is new; null when items of this kind have no content. */
    default String contentTag(JsonNode item) {
        return null;
    }

    /** Where the content streams from (a path under the Graph base URL). */
    default String contentPath(JsonNode item) {
        return null;
    }

    /** The content as it streams from Graph, on a fetcher thread; an error while reading makes the item a failed item. */
    default InputStream open(GraphReader graph, JsonNode item) throws IOException {
        return graph.open(contentPath(item));
    }

    /** True where Graph answers 404 for content that does not exist (a contact without a photo): stored as empty. */
    default boolean emptyWhenNotFound() {
        return false;
    }

    /** Why the content can never be fetched as it is (a file with malware detected), or null. */
    default String unreadable(JsonNode item) {
        return null;
    }

    /** What the catalog keeps of the item: its Graph JSON without fields that change on every read. */
    default JsonNode metadata(JsonNode item) {
        return item;
    }

    /** The path of one item by id, to retry an item that failed in a delta collection; null where listings retry. */
    default String itemPath(String id) {
        return null;
    }
}
