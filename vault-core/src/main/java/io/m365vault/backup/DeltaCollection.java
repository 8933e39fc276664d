package io.m365vault.backup;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One collection Graph tracks with a delta query: the messages of a folder, the contacts of a
 * contact folder, the mail folders themselves.
 *
 * @param stateKey   its row in the state table (delta link, page checkpoint)
 * @param initialUrl the first request of a full enumeration
 * @param kind       the catalog kind of its items
 * @param parent     the parent of its items (a folder id), or null when items carry their own
 * @param content    how to fetch an item's content, or null when items have none
 */
public record DeltaCollection(String stateKey, String initialUrl, String kind, String parent, ContentSource content) {

    /** Fetches an item's bytes and says when stored bytes may be reused. */
    public interface ContentSource {
        /** The path of the item's content, e.g. {@code users/u/messages/m/$value}; null when it has none. */
        String path(JsonNode item);

        /** True when a changed item's content can differ from what is stored (a draft's MIME; a photo). */
        boolean mayChange(JsonNode item);

        static ContentSource of(java.util.function.Function<JsonNode, String> path, java.util.function.Predicate<JsonNode> mayChange) {
            return new ContentSource() {
                @Override
                public String path(JsonNode item) {
                    return path.apply(item);
                }

                @Override
                public boolean mayChange(JsonNode item) {
                    return mayChange.test(item);
                }
            };
        }
    }
}
