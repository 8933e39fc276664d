package io.m365vault.backup;

/**
 * One collection the backup follows: the messages of a folder, the contacts of a contact folder,
 * the mail folders themselves, the events of a calendar, the items of a drive.
 *
 * @param key    its row in the state table (delta link, page checkpoint) and the scope of its failed items
 * @param url    the first request: a delta query, or a listing where Graph has no delta
 * @param delta  true for a delta query (a stored link resumes it), false for a listing read whole each run
 * @param shape  what its items are
 * @param parent the parent of its items (a folder id), or null when items name their own
 * @param scope  which stored items a full enumeration vouches for, so that those it did not list are closed
 */
public record Collection(String key, String url, boolean delta, ItemShape shape, String parent, Scope scope) {
    public enum Scope {
        /** The items whose parent is {@code parent}. */
        PARENT,
        /** Every item of the kind (a whole folder tree). */
        KIND,
        /** The items under the parents the listed items name (a folder addressed by a well-known name). */
        NAMED_PARENTS
    }

    public static Collection delta(String key, String url, ItemShape shape, String parent) {
        return new Collection(key, url, true, shape, parent, parent != null ? Scope.PARENT : Scope.NAMED_PARENTS);
    }

    public static Collection listing(String key, String url, ItemShape shape, String parent) {
        return new Collection(key, url, false, shape, parent, parent != null ? Scope.PARENT : Scope.KIND);
    }

    /** A folder tree: a removed or unlisted folder of the kind closes, wherever it was. */
    public Collection wholeKind() {
        return new Collection(key, url, delta, shape, parent, Scope.KIND);
    }
}
