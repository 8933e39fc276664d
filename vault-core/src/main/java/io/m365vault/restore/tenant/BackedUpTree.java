package io.m365vault.restore.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.Json;
import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import io.m365vault.repo.CatalogEntry;
import io.m365vault.repo.Repository;
import io.m365vault.restore.MailPath;
import io.m365vault.restore.SearchScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A workload's folders and items as the backup holds them at a point in time, read for a
 * restore: the folders by id with their names (a mailbox's {@code displayName}, a drive's
 * {@code name}) and parents, the items oldest first (so a restored folder lists them in the order
 * the mailbox had them).
 */
record BackedUpTree(Map<String, TargetFolders.Source> folders, List<CatalogEntry> items) {
    /**
     * @param what names the workload in the refusal ("mail", "contacts")
     * @throws RestoreRefusedException when the backup holds neither folders nor items then
     */
    static BackedUpTree read(Repository repo, ProtectedItem source, Workload workload, Instant at, String folderKind, String itemKind,
                             String what) {
        return read(repo, source, workload, at, folderKind, Set.of(itemKind), what);
    }

    /** As above with items of several kinds; the folders' own rows are among them when {@code itemKinds} holds {@code folderKind}. */
    static BackedUpTree read(Repository repo, ProtectedItem source, Workload workload, Instant at, String folderKind, Set<String> itemKinds,
                             String what) {
        return read(repo, source, workload, at, folderKind, itemKinds, what, null, SearchScope.ALL);
    }

    /**
     * As above, the items narrowed to one folder or message of the mail ({@code mailPath}, null
     * for all) and to what {@code search} picks; every folder is still known, for the paths.
     *
     * @throws RestoreRefusedException also when nothing is on the path or nothing matches
     */
    static BackedUpTree read(Repository repo, ProtectedItem source, Workload workload, Instant at, String folderKind, Set<String> itemKinds,
                             String what, String mailPath, SearchScope search) {
        Map<String, TargetFolders.Source> folders = new HashMap<>();
        List<CatalogEntry> rows = repo.catalog().at(source.partition(workload), at);
        for (CatalogEntry e : rows) {
            if (folderKind.equals(e.kind())) {
                JsonNode f = Json.read(e.metadata());
                // A drive's root is the top the restore writes under, not a folder of it; its children hang there.
                if (!f.has("root")) {
                    folders.put(e.itemId(), new TargetFolders.Source(f.path("displayName").asText(f.path("name").asText("folder")),
                            e.parent() != null ? e.parent() : Json.text(f, "parentFolderId")));
                }
            }
        }
        if (rows.isEmpty()) {
            throw new RestoreRefusedException("nothing of " + source + "'s " + what + " is in repository " + repo.name() + " at " + at
                    + ": check the protected item and the time");
        }
        List<CatalogEntry> narrowed;
        try {
            narrowed = search.apply(mailPath == null ? rows : MailPath.narrow(rows, mailPath));
        } catch (IllegalArgumentException e) {
            throw new RestoreRefusedException(e.getMessage() + " in " + source + "'s " + what + " at " + at);
        }
        List<CatalogEntry> items = new ArrayList<>(narrowed.stream().filter(e -> itemKinds.contains(e.kind())).toList());
        if (items.isEmpty() && (mailPath != null || search.narrows())) {
            throw new RestoreRefusedException("nothing of " + source + "'s " + what + " at " + at + " is "
                    + (mailPath != null ? "on " + mailPath : "") + (mailPath != null && search.narrows() ? " and " : "")
                    + (search.narrows() ? "matched by the search (" + search.describe() + ")" : ""));
        }
        items.sort(Comparator.comparing(CatalogEntry::validFrom).thenComparing(CatalogEntry::itemId));
        return new BackedUpTree(folders, items);
    }
}
