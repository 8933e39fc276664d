package io.m365vault.graphsim.mail;

import io.m365vault.graphsim.model.TrackedBase;

import java.util.TreeMap;

/** A mail folder and its messages (tombstones included, for delta), sorted by id. */
public final class MailFolder extends TrackedBase {
    public final String parentId;
    public final String wellKnownName;
    public final boolean hidden;
    public String displayName;
    public final TreeMap<String, MailItem> items = new TreeMap<>();

    public MailFolder(String id, String parentId, String displayName, String wellKnownName, boolean hidden, long seq) {
        super(id, seq);
        this.parentId = parentId;
        this.displayName = displayName;
        this.wellKnownName = wellKnownName;
        this.hidden = hidden;
    }

    public int liveCount() {
        int n = 0;
        for (MailItem m : items.values()) {
            if (!m.deleted()) {
                n++;
            }
        }
        return n;
    }

    public int unreadCount() {
        int n = 0;
        for (MailItem m : items.values()) {
            if (!m.deleted() && !m.isRead) {
                n++;
            }
        }
        return n;
    }
}
