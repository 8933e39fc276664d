package io.m365vault.graphsim.mail;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.m365vault.graphsim.model.TrackedBase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One message of a mailbox, or its tombstone once deleted or moved away. Outlook's REST id
 * changes on a move (the old id is reported removed, the message comes back under a new one);
 * the immutable id, which clients asking for {@code Prefer: IdType="ImmutableId"} see, does not.
 * Here the immutable id is the REST id the message was created with.
 */
public final class MailItem extends TrackedBase {
    public final String folderId;
    public final String immutableId;
    public final MimeSource source;
    public final Instant created;
    public Instant modified;
    public boolean isRead;
    public boolean isDraft;
    public String flagStatus = "notFlagged";
    public List<String> categories = new ArrayList<>();
    /** singleValueExtendedProperties written by a client, as given. */
    public ArrayNode extendedProperties;

    public MailItem(String id, String folderId, MimeSource source, Instant created, long seq) {
        this(id, id, folderId, source, created, seq);
    }

    private MailItem(String id, String immutableId, String folderId, MimeSource source, Instant created, long seq) {
        super(id, seq);
        this.immutableId = immutableId;
        this.folderId = folderId;
        this.source = source;
        this.created = created;
        this.modified = created;
    }

    public void touch(long newSeq, Instant when) {
        touch(newSeq);
        this.modified = when;
    }

    /** The id a client sees: immutable when it asked for immutable ids. */
    public String id(boolean immutable) {
        return immutable ? immutableId : id();
    }

    /** A copy under a new id in another folder, keeping content and state. */
    public MailItem movedTo(String newId, String newFolderId, long newSeq, Instant when) {
        MailItem m = new MailItem(newId, immutableId, newFolderId, source, created, newSeq);
        m.modified = when;
        m.isRead = isRead;
        m.isDraft = isDraft;
        m.flagStatus = flagStatus;
        m.categories = new ArrayList<>(categories);
        m.extendedProperties = extendedProperties;
        return m;
    }
}
