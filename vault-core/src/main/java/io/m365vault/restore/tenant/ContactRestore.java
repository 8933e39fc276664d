package io.m365vault.restore.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.kiota.HttpMethod;
import io.m365vault.backup.ItemKind;
import io.m365vault.backup.Json;
import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import io.m365vault.graph.TenantGraph;
import io.m365vault.graph.TenantGraphReader;
import io.m365vault.repo.CatalogEntry;
import io.m365vault.repo.Repository;
import io.m365vault.restore.SearchScope;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;

/**
 * Contacts as they were at a point in time, recreated in a mailbox of the tenant: the contact
 * folders by name under the default Contacts folder (or under a folder named for the restore),
 * each contact created anew from its Graph JSON ({@link ContactPayload}) and its photo put
 * after. A contact whose photo fails is removed again ({@link PartialItem}) and counted failed.
 */
public final class ContactRestore {
    private final Repository repo;
    private final TenantGraph graph;

    public ContactRestore(Repository repo, TenantGraph graph) {
        this.repo = repo;
        this.graph = graph;
    }

    /**
     * @throws RestoreRefusedException nothing backed up at {@code at}, no such mailbox, or no permission to write it
     */
    public TenantRestoreResult restore(String job, ProtectedItem source, Instant at, TenantRestoreOptions options) throws IOException {
        return plan(source, at).run(job, options);
    }

    /** The contact folders and contacts of the backup at {@code at}. @throws RestoreRefusedException when it holds none */
    public TenantRestorePlan plan(ProtectedItem source, Instant at) {
        return plan(source, at, SearchScope.ALL);
    }

    /** As above, the contacts the search picks. @throws RestoreRefusedException also when none matches */
    public TenantRestorePlan plan(ProtectedItem source, Instant at, SearchScope search) {
        BackedUpTree tree = BackedUpTree.read(repo, source, Workload.CONTACTS, at, ItemKind.CONTACT_FOLDER, Set.of(ItemKind.CONTACT),
                "contacts", null, search);
        return new TenantRestorePlan("contacts", tree.items().size(),
                (job, options) -> checks(job, source, at, options).mailbox("/contactFolders?$top=1&$select=id"),
                (job, options) -> write(job, source, at, options, tree));
    }

    private TenantRestoreResult write(String job, ProtectedItem source, Instant at, TenantRestoreOptions options, BackedUpTree tree)
            throws IOException {
        RestoreRun run = run(job, source, at, options);
        TargetFolders targets = run.folders(TargetFolders.Tree.CONTACTS, tree.folders());
        ExistingItems existing = ExistingItems.contacts(new TenantGraphReader(graph, 1000), run.user());
        return run.each(tree.items(), CatalogEntry::itemId, "contact", targets::created, (c, tally) -> {
            JsonNode meta = Json.read(c.metadata());
            // Null: the default Contacts folder, where the contacts of no other folder are.
            String folder = targets.of(c.parent() != null ? c.parent() : Json.text(meta, "parentFolderId"));
            String key = existing.key(meta);
            if (run.skipped(existing, folder, key, tally)) {
                return null;
            }
            byte[] photo = c.content().size() > 0 ? repo.reader().readAll(c.content()) : null;
            return run.remembered(existing, folder, key, () -> {
                create(run, folder, meta, photo);
                return c.metadata().length + (photo == null ? 0 : photo.length);
            });
        });
    }

    private void create(RestoreRun run, String folder, JsonNode contact, byte[] photo) throws IOException {
        String in = folder == null ? run.mailbox() : run.mailbox() + "/contactFolders/" + Json.seg(folder);
        JsonNode created = graph.requests().postJson(in + "/contacts", ContactPayload.create(contact));
        String path = run.mailbox() + "/contacts/" + Json.seg(created.path("id").asText());
        if (photo == null) {
            return;
        }
        try {
            graph.requests().send(HttpMethod.PUT, path + "/photo/$value", photo, "image/jpeg");
        } catch (IOException | RuntimeException e) {
            throw PartialItem.removed(graph.requests(), path, e);
        }
    }

    private RestoreRun run(String job, ProtectedItem source, Instant at, TenantRestoreOptions options) {
        return new RestoreRun(graph, job, source, at, options, "contacts", "Contacts.ReadWrite");
    }

    private TargetChecks checks(String job, ProtectedItem source, Instant at, TenantRestoreOptions options) {
        return new TargetChecks(graph, run(job, source, at, options));
    }
}
