package io.m365vault.graphsim.mail;

import io.m365vault.graphsim.model.Ids;
import io.m365vault.graphsim.model.Rng;
import io.m365vault.graphsim.model.SimClock;
import io.m365vault.graphsim.model.SimUser;
import io.m365vault.graphsim.model.TenantModel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * One user's mail: the folder tree (well-known folders, nested folders, a hidden one) and the
 * messages, generated on first use. Callers synchronize on the mailbox around reads and writes.
 */
public final class Mailbox {
    /** Folders of a new mailbox: well-known name (or null), display name, parent key, hidden, has messages. */
    private record FolderSpec(String key, String wellKnown, String name, String parentKey, boolean hidden, boolean filled) {
    }

    private static final List<FolderSpec> LAYOUT = List.of(
            new FolderSpec("root", "msgfolderroot", "Top of Information Store", null, false, false),
            new FolderSpec("inbox", "inbox", "Inbox", "root", false, true),
            new FolderSpec("projects", null, "Projects", "inbox", false, true),
            new FolderSpec("projects-2024", null, "2024", "projects", false, true),
            new FolderSpec("drafts", "drafts", "Drafts", "root", false, true),
            new FolderSpec("sentitems", "sentitems", "Sent Items", "root", false, true),
            new FolderSpec("deleteditems", "deleteditems", "Deleted Items", "root", false, true),
            new FolderSpec("junkemail", "junkemail", "Junk Email", "root", false, false),
            new FolderSpec("outbox", "outbox", "Outbox", "root", false, false),
            new FolderSpec("archive", "archive", "Archive", "root", false, true),
            new FolderSpec("conversationhistory", "conversationhistory", "Conversation History", "root", false, false),
            new FolderSpec("hidden", null, "Hidden Notes", "root", true, true));

    public final SimUser owner;
    private final TenantModel tenant;
    /** Every folder ever, tombstones too, sorted by id for mailFolders/delta. */
    public final TreeMap<String, MailFolder> folders = new TreeMap<>();
    private final Map<String, String> wellKnown = new LinkedHashMap<>();
    private final Map<String, MailItem> live = new LinkedHashMap<>();
    private final Map<String, MailItem> liveByImmutableId = new java.util.HashMap<>();

    public Mailbox(TenantModel tenant, SimUser owner) {
        this.tenant = tenant;
        this.owner = owner;
        long seed = tenant.seed();
        Map<String, String> idsByKey = new LinkedHashMap<>();
        for (FolderSpec f : LAYOUT) {
            String id = Ids.outlook(seed, "folder:" + owner.id + ":" + f.key);
            idsByKey.put(f.key, id);
            MailFolder folder = new MailFolder(id, f.parentKey == null ? null : idsByKey.get(f.parentKey), f.name, f.wellKnown, f.hidden, 0);
            folders.put(id, folder);
            if (f.wellKnown != null) {
                wellKnown.put(f.wellKnown, id);
            }
            if (f.filled) {
                fill(folder, f);
            }
        }
    }

    private void fill(MailFolder folder, FolderSpec f) {
        int n = f.key.equals("drafts") ? Math.max(1, tenant.config().messagesPerFolder / 2) : tenant.config().messagesPerFolder;
        if (tenant.config().messagesPerFolder == 0) {
            n = 0;
        }
        for (int i = 0; i < n; i++) {
            String label = "msg:" + owner.id + ":" + f.key + ":" + i;
            long contentSeed = Rng.seed(tenant.seed(), label);
            boolean large = owner.index == 0 && f.key.equals("inbox") && i == 0 && tenant.config().largeMessageMb > 0;
            MailGenerator.Request req = new MailGenerator.Request(contentSeed, owner, f.key.equals("sentitems") || f.key.equals("drafts"),
                    large ? tenant.config().largeMessageMb * 1024 * 1024 : 0);
            MimeSource src = MimeSource.generated(() -> tenant.mailGenerator().spec(req));
            SplittableRandom r = new SplittableRandom(contentSeed ^ 0x1234);
            Instant created = SimClock.minutesAgo(30 + r.nextInt(400_000));
            MailItem m = new MailItem(Ids.outlook(tenant.seed(), label), folder.id(), src, created, 0);
            m.isRead = r.nextInt(3) != 0 || f.key.equals("sentitems") || f.key.equals("drafts");
            m.isDraft = f.key.equals("drafts");
            if (r.nextInt(8) == 0) {
                m.flagStatus = "flagged";
            }
            if (r.nextInt(6) == 0) {
                m.categories.add(r.nextBoolean() ? "Red category" : "Blue category");
            }
            add(m);
        }
    }

    private void add(MailItem m) {
        folders.get(m.folderId).items.put(m.id(), m);
        live.put(m.id(), m);
        liveByImmutableId.put(m.immutableId, m);
    }

    /** A live folder by id or well-known name, or null. */
    public MailFolder folder(String idOrName) {
        String id = wellKnown.getOrDefault(idOrName.toLowerCase(Locale.ROOT), idOrName);
        MailFolder f = folders.get(id);
        return f == null || f.deleted() ? null : f;
    }

    public MailFolder root() {
        return folders.get(wellKnown.get("msgfolderroot"));
    }

    public List<MailFolder> children(MailFolder parent, boolean includeHidden) {
        List<MailFolder> out = new ArrayList<>();
        for (MailFolder f : folders.values()) {
            if (!f.deleted() && parent.id().equals(f.parentId) && (includeHidden || !f.hidden)) {
                out.add(f);
            }
        }
        return out;
    }

    /** A live message by its current REST id or its immutable id (Graph accepts either), or null. */
    public MailItem message(String id) {
        MailItem m = live.get(id);
        return m != null ? m : liveByImmutableId.get(id);
    }

    public List<MailItem> messages() {
        return new ArrayList<>(live.values());
    }

    public MailItem create(MailFolder folder, MimeSource source) {
        long seq = tenant.nextSeq();
        MailItem m = new MailItem(Ids.outlook(tenant.seed(), "new:" + owner.id + ":" + seq), folder.id(), source,
                SimClock.atChange(seq), seq);
        add(m);
        folder.touch(seq);
        return m;
    }

    public void edit(MailItem m) {
        long seq = tenant.nextSeq();
        m.touch(seq, SimClock.atChange(seq));
    }

    public void delete(MailItem m) {
        long seq = tenant.nextSeq();
        m.markDeleted(seq);
        live.remove(m.id());
        liveByImmutableId.remove(m.immutableId);
        folders.get(m.folderId).touch(seq);
    }

    public MailItem move(MailItem m, MailFolder target) {
        delete(m);
        long seq = tenant.nextSeq();
        MailItem moved = m.movedTo(Ids.outlook(tenant.seed(), "moved:" + owner.id + ":" + seq), target.id(), seq, SimClock.atChange(seq));
        add(moved);
        target.touch(seq);
        return moved;
    }

    public MailFolder createFolder(MailFolder parent, String name) {
        for (MailFolder f : children(parent, true)) {
            if (f.displayName.equalsIgnoreCase(name)) {
                throw new io.m365vault.graphsim.http.GraphError(409, "ErrorFolderExists", "A folder with the specified name already exists.");
            }
        }
        long seq = tenant.nextSeq();
        MailFolder f = new MailFolder(Ids.outlook(tenant.seed(), "newfolder:" + owner.id + ":" + seq), parent.id(), name, null, false, seq);
        folders.put(f.id(), f);
        return f;
    }
}
