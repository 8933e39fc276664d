package io.m365vault.backup;

import io.m365vault.repo.CatalogEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A mailbox: the folder tree by {@code mailFolders/delta}, then a messages delta per folder with
 * the exact MIME of each new message from {@code $value}. A message whose change is only metadata
 * (read, flag, categories, a move) keeps its stored MIME: only drafts' bodies can change.
 */
public final class MailSync {
    static final String FOLDERS = "folders";
    static final String MESSAGES = "messages:";
    private static final String SELECT = "$select=id,changeKey,parentFolderId,subject,from,sender,toRecipients,"
            + "ccRecipients,bccRecipients,replyTo,receivedDateTime,sentDateTime,createdDateTime,lastModifiedDateTime,"
            + "isRead,isDraft,flag,categories,importance,internetMessageId,conversationId,hasAttachments";

    private final SyncContext ctx;
    private final boolean hiddenFolders;

    public MailSync(SyncContext ctx, boolean hiddenFolders) {
        this.ctx = ctx;
        this.hiddenFolders = hiddenFolders;
    }

    public void run() throws IOException {
        String user = "users/" + ctx.item().id();
        DeltaSync sync = new DeltaSync(ctx);
        sync.run(new DeltaCollection(FOLDERS, user + "/mailFolders/delta()" + (hiddenFolders ? "?includeHiddenFolders=true" : ""),
                ItemKind.MAIL_FOLDER, null, null));
        // The folder list below is read back from the catalog.
        ctx.session().commit();
        Set<String> folders = new HashSet<>();
        ctx.repo().catalog().at(ctx.partition(), ctx.runTime(), ItemKind.MAIL_FOLDER, f -> folders.add(f.itemId()));
        // Only a draft's body can change; any other change keeps the stored MIME.
        DeltaCollection.ContentSource mime = DeltaCollection.ContentSource.of(
                m -> user + "/messages/" + m.get("id").asText() + "/$value", m -> m.path("isDraft").asBoolean(false));
        for (String folder : folders.stream().sorted().toList()) {
            sync.run(new DeltaCollection(MESSAGES + folder, user + "/mailFolders/" + folder + "/messages/delta()?" + SELECT,
                    ItemKind.MESSAGE, folder, mime));
        }
        forgetDeletedFolders(folders);
    }

    /** A deleted folder's messages are gone with it: close them and drop the folder's delta state. */
    private void forgetDeletedFolders(Set<String> live) {
        List<String> gone = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> row : ctx.repo().state().list(ctx.stateScope())) {
            if (row.getKey().startsWith(MESSAGES) && !live.contains(row.getKey().substring(MESSAGES.length()))) {
                gone.add(row.getKey().substring(MESSAGES.length()));
            }
        }
        if (gone.isEmpty()) {
            return;
        }
        List<CatalogEntry> orphans = new ArrayList<>();
        ctx.repo().catalog().at(ctx.partition(), ctx.runTime(), ItemKind.MESSAGE, m -> {
            if (gone.contains(m.parent())) {
                orphans.add(m);
            }
        });
        orphans.forEach(m -> ctx.session().record(m.closedAt(ctx.runTime())));
        ctx.stats().removed.addAndGet(orphans.size());
        ctx.session().commit();
        gone.forEach(f -> ctx.repo().state().delete(ctx.stateScope(), MESSAGES + f));
    }
}
