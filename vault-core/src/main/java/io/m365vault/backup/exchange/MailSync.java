package io.m365vault.backup.exchange;

import io.m365vault.backup.BackupOptions;
import io.m365vault.backup.Collection;
import io.m365vault.backup.CollectionSync;
import io.m365vault.backup.Containers;
import io.m365vault.backup.ItemKind;
import io.m365vault.backup.Json;
import io.m365vault.backup.SyncContext;
import io.m365vault.backup.WorkloadSync;
import java.io.IOException;
import java.util.List;
import java.util.TreeSet;

/**
 * A mailbox: the folder tree by {@code mailFolders/delta}, then a messages delta per folder with
 * the exact MIME of each new message from {@code $value}. A folder whose delta answers 404 is
 * gone: it closes, with its messages. A folder that cannot be read otherwise does not stop the
 * others; the workload reports it failed once every folder has had its turn.
 */
public final class MailSync implements WorkloadSync {
    static final String FOLDERS = "folders";
    static final String MESSAGES = "messages:";

    private final boolean hiddenFolders;

    public MailSync(BackupOptions options) {
        this.hiddenFolders = options.includeHiddenFolders();
    }

    @Override
    public void run(SyncContext ctx) throws IOException {
        String base = ctx.base();
        CollectionSync sync = new CollectionSync(ctx);
        sync.run(Collection.delta(FOLDERS, base + "/mailFolders/delta()" + (hiddenFolders ? "?includeHiddenFolders=true" : ""),
                new MailFolderShape(), null).wholeKind());
        // The folder list below is read back from the catalog.
        ctx.session().commit();
        TreeSet<String> folders = new TreeSet<>();
        ctx.repo().catalog().at(ctx.partition(), ctx.runTime(), ItemKind.MAIL_FOLDER, f -> folders.add(f.itemId()));
        MessageShape messages = new MessageShape(base);
        Containers.each(sync, folders, "folders", f -> Collection.delta(MESSAGES + f,
                base + "/mailFolders/" + Json.seg(f) + "/messages/delta()?" + MessageShape.SELECT, messages, f));
    }

    @Override
    public List<String> stateKeysOf(String containerId) {
        return List.of(MESSAGES + containerId);
    }
}
