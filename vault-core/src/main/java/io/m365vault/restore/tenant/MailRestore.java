package io.m365vault.restore.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.ItemKind;
import io.m365vault.backup.Json;
import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import io.m365vault.graph.GraphStatusException;
import io.m365vault.graph.TenantGraph;
import io.m365vault.graph.TenantGraphReader;
import io.m365vault.repo.CatalogEntry;
import io.m365vault.repo.Parallel;
import io.m365vault.repo.Repository;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A mailbox as it was at a point in time, recreated in a mailbox of the tenant: the folder tree
 * by name ({@link TargetFolders}), then each message from its stored MIME and Graph JSON
 * ({@link MessagePayload}) with its later attachments. Nothing is overwritten: every message is a
 * new one. A message that fails is reported and the rest go on; a mailbox Graph cannot reach or
 * will not let the app write stops the restore with one line before (or as soon as) it writes.
 * Creates run {@link #IN_FLIGHT} at a time, Graph's limit per mailbox.
 */
public final class MailRestore {
    private static final Logger LOG = LoggerFactory.getLogger(MailRestore.class);

    /** Graph's limit of concurrent requests per app and mailbox (DESIGN §4), which the governor also holds to. */
    static final int IN_FLIGHT = 4;
    /** Messages read from the repository ahead of their creates: bounds the MIME held in memory. */
    static final int BATCH = 16;

    private final Repository repo;
    private final TenantGraph graph;
    private final LateAttachments late;

    public MailRestore(Repository repo, TenantGraph graph) {
        this.repo = repo;
        this.graph = graph;
        this.late = new LateAttachments(graph);
    }

    /**
     * @param job names the restore in the logs
     * @throws RestoreRefusedException nothing backed up at {@code at}, no such mailbox, or no permission to write it
     */
    public MailRestoreResult restore(String job, ProtectedItem source, Instant at, MailRestoreOptions options) throws IOException {
        Map<String, TargetFolders.Source> folders = new HashMap<>();
        List<CatalogEntry> messages = new ArrayList<>();
        repo.catalog().at(source.partition(Workload.MAIL), at, e -> {
            if (ItemKind.MAIL_FOLDER.equals(e.kind())) {
                folders.put(e.itemId(), new TargetFolders.Source(Json.read(e.metadata()).path("displayName").asText("folder"), e.parent()));
            } else if (ItemKind.MESSAGE.equals(e.kind())) {
                messages.add(e);
            }
        });
        if (folders.isEmpty() && messages.isEmpty()) {
            throw new RestoreRefusedException("nothing of " + source + "'s mail is in repository " + repo.name() + " at " + at
                    + ": check the protected item and the time");
        }
        String user = options.target().id();
        reachable(user);
        // Oldest first, so the restored folder lists in the order the mailbox received them.
        messages.sort(Comparator.comparing(CatalogEntry::validFrom).thenComparing(CatalogEntry::itemId));
        LOG.info("tenant restore start job={} item={} workload=mail at={} target={} folder={} messages={} skipExisting={}",
                job, source, at, options.target(), options.folder(), messages.size(), options.skipExisting());
        TargetFolders targets;
        try {
            String top = options.folder() == null ? null : new TargetFolders(graph.requests(), user, Map.of(), null).child(null, options.folder());
            targets = new TargetFolders(graph.requests(), user, folders, top);
        } catch (GraphStatusException e) {
            throw refusal(user, e);
        }
        ExistingMessages existing = new ExistingMessages(new TenantGraphReader(graph, 1000), user);
        RestoreTally tally = new RestoreTally(job, source, messages.size(), options.progress());
        long started = System.nanoTime();
        try (Parallel pool = new Parallel(IN_FLIGHT)) {
            for (int i = 0; i < messages.size() && tally.refusal() == null; i += BATCH) {
                // Folders and the skip check are resolved here, in order; only the creates run side by side.
                List<Runnable> creates = new ArrayList<>();
                for (CatalogEntry m : messages.subList(i, Math.min(messages.size(), i + BATCH))) {
                    Runnable create = prepare(m, user, targets, existing, options.skipExisting(), tally);
                    if (create != null) {
                        creates.add(create);
                    }
                }
                pool.runAll(creates);
            }
        }
        if (tally.refusal() != null) {
            throw refusal(user, tally.refusal());
        }
        MailRestoreResult result = tally.result(targets.created());
        double seconds = (System.nanoTime() - started) / 1e9;
        LOG.info("tenant restore done job={} item={} workload=mail target={} restored={} skipped={} failed={} bytes={} foldersCreated={}"
                        + " seconds={} perMinute={}", job, source, options.target(), result.restored(), result.skipped(), result.failures().size(),
                result.bytes(), result.foldersCreated(), String.format("%.1f", seconds), Math.round(result.restored() * 60 / Math.max(seconds, 0.001)));
        return result;
    }

    /** The message's target folder and payload, or null when it is skipped or fails here; the create to run, else. */
    private Runnable prepare(CatalogEntry m, String user, TargetFolders targets, ExistingMessages existing, boolean skipExisting,
                             RestoreTally tally) {
        try {
            JsonNode meta = Json.read(m.metadata());
            String folder = targets.of(m.parent() != null ? m.parent() : Json.text(meta, "parentFolderId"));
            String imid = Json.text(meta, "internetMessageId");
            if (skipExisting && existing.holds(folder, imid)) {
                tally.skipped();
                return null;
            }
            byte[] mime = repo.reader().readAll(m.content());
            MessagePayload payload = new MessagePayload(meta, MimeReader.read(mime));
            return () -> write(m, user, folder, imid, payload, mime.length, skipExisting ? existing : null, tally);
        } catch (GraphStatusException e) {
            outcome(m, e, tally);
        } catch (IOException | RuntimeException e) {
            tally.failed(m.itemId(), e.getMessage());
        }
        return null;
    }

    private void write(CatalogEntry m, String user, String folder, String imid, MessagePayload payload, long bytes,
                       ExistingMessages existing, RestoreTally tally) {
        try {
            JsonNode created = graph.requests().postJson("/users/" + Json.seg(user) + "/mailFolders/" + Json.seg(folder) + "/messages",
                    payload.create());
            for (MessageContent.Attachment a : payload.later()) {
                late.add(user, created.path("id").asText(), a);
            }
            if (existing != null) {
                existing.added(folder, imid);
            }
            tally.restored(bytes);
        } catch (GraphStatusException e) {
            outcome(m, e, tally);
        } catch (IOException | RuntimeException e) {
            tally.failed(m.itemId(), e.getMessage());
        }
    }

    private static void outcome(CatalogEntry m, GraphStatusException e, RestoreTally tally) {
        if (stopsAll(e)) {
            tally.refused(e);
        } else {
            tally.failed(m.itemId(), e.getMessage());
        }
    }

    /** The pre-check: the target's Inbox answers, so the mailbox exists and the app may read it. */
    private void reachable(String user) throws IOException {
        try {
            graph.requests().getJson("/users/" + Json.seg(user) + "/mailFolders/inbox?$select=id", Map.of());
        } catch (GraphStatusException e) {
            throw refusal(user, e);
        }
    }

    /** Answers about the mailbox as a whole, not about one message: no such mailbox, or no permission. */
    private static boolean stopsAll(GraphStatusException e) {
        return e.status() == 403 || e.status() == 401
                || (e.status() == 404 && Set.of("MailboxNotEnabledForRESTAPI", "ResourceNotFound", "ErrorInvalidUser").contains(e.code()));
    }

    private static RestoreRefusedException refusal(String user, GraphStatusException e) {
        if (e.status() == 403 || e.status() == 401) {
            return new RestoreRefusedException("Graph refuses to write the mailbox of user:" + user + " (" + e.status() + " " + e.code()
                    + "): the app needs the Mail.ReadWrite application permission (VAULT_GRAPH_RESTORE=true in the deployment)");
        }
        if (e.status() == 404) {
            return new RestoreRefusedException("user:" + user + " has no mailbox Graph can reach (404 " + e.code() + ")");
        }
        return new RestoreRefusedException("the mailbox of user:" + user + " cannot be restored into: " + e.getMessage());
    }
}
