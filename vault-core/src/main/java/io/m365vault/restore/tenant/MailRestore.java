package io.m365vault.restore.tenant;

import com.fasterxml.jackson.databind.JsonNode;
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
 * A mailbox as it was at a point in time, recreated in a mailbox of the tenant: the folder tree
 * by name ({@link TargetFolders}), then each message from its stored MIME and Graph JSON
 * ({@link MessagePayload}) with its later attachments. Nothing is overwritten: every message is a
 * new one. A message whose later attachment fails is removed again ({@link PartialItem}) and
 * counted failed, so a re-run restores it whole. The rest is {@link RestoreRun}'s: one failure
 * reported while the rest go on, a mailbox Graph cannot reach or will not let the app write
 * stopping the restore with one line.
 */
public final class MailRestore {
    private final Repository repo;
    private final TenantGraph graph;
    private final Attachments attachments;

    public MailRestore(Repository repo, TenantGraph graph) {
        this.repo = repo;
        this.graph = graph;
        this.attachments = new Attachments(graph);
    }

    /**
     * @param job names the restore in the logs
     * @throws RestoreRefusedException nothing backed up at {@code at}, no such mailbox, or no permission to write it
     */
    public TenantRestoreResult restore(String job, ProtectedItem source, Instant at, TenantRestoreOptions options) throws IOException {
        return plan(source, at).run(job, options);
    }

    /** The messages and folders of the backup at {@code at}. @throws RestoreRefusedException when it holds none */
    public TenantRestorePlan plan(ProtectedItem source, Instant at) {
        return plan(source, at, null, SearchScope.ALL);
    }

    /**
     * As above, narrowed to one folder or message ({@link io.m365vault.restore.MailPath}; null for all) and a search.
     *
     * @throws RestoreRefusedException also when nothing is on the path or matches the search
     */
    public TenantRestorePlan plan(ProtectedItem source, Instant at, String path, SearchScope search) {
        BackedUpTree tree = BackedUpTree.read(repo, source, Workload.MAIL, at, ItemKind.MAIL_FOLDER, Set.of(ItemKind.MESSAGE), "mail",
                path, search);
        return new TenantRestorePlan("mail", tree.items().size(), (job, options) -> checks(job, source, at, options).mailbox("/mailFolders/inbox?$select=id"),
                (job, options) -> write(job, source, at, options, tree));
    }

    private TenantRestoreResult write(String job, ProtectedItem source, Instant at, TenantRestoreOptions options, BackedUpTree tree)
            throws IOException {
        RestoreRun run = run(job, source, at, options);
        TargetFolders targets = run.folders(TargetFolders.Tree.MAIL, tree.folders());
        ExistingItems existing = ExistingItems.messages(new TenantGraphReader(graph, 1000), run.user());
        return run.each(tree.items(), CatalogEntry::itemId, "mail message", targets::created, (m, tally) -> {
            JsonNode meta = Json.read(m.metadata());
            String folder = targets.of(m.parent() != null ? m.parent() : Json.text(meta, "parentFolderId"));
            String imid = Json.text(meta, "internetMessageId");
            if (run.skipped(existing, folder, imid, tally)) {
                return null;
            }
            byte[] mime = repo.reader().readAll(m.content());
            MessagePayload payload = new MessagePayload(meta, MimeReader.read(mime));
            return run.remembered(existing, folder, imid, () -> {
                create(run, folder, payload);
                return mime.length;
            });
        });
    }

    /** The create, then the attachments too large for it; a failure of those removes the message again. */
    private void create(RestoreRun run, String folder, MessagePayload payload) throws IOException {
        JsonNode created = graph.requests().postJson(run.mailbox() + "/mailFolders/" + Json.seg(folder) + "/messages", payload.create());
        String path = run.mailbox() + "/messages/" + Json.seg(created.path("id").asText());
        try {
            for (MessageContent.Attachment a : payload.later()) {
                attachments.add(path, a);
            }
        } catch (IOException | RuntimeException e) {
            throw PartialItem.removed(graph.requests(), path, e);
        }
    }

    private RestoreRun run(String job, ProtectedItem source, Instant at, TenantRestoreOptions options) {
        return new RestoreRun(graph, job, source, at, options, "mail", "Mail.ReadWrite");
    }

    private TargetChecks checks(String job, ProtectedItem source, Instant at, TenantRestoreOptions options) {
        return new TargetChecks(graph, run(job, source, at, options));
    }
}
