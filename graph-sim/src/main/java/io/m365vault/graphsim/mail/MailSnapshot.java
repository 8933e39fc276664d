package io.m365vault.graphsim.mail;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.control.SnapshotSource;
import io.m365vault.graphsim.http.Json;
import io.m365vault.graphsim.model.Hashes;
import io.m365vault.graphsim.model.TenantModel;
import java.nio.charset.StandardCharsets;

/**
 * Every live message of a mailbox: immutable and REST id, folder path, subject, SHA-256 of its
 * MIME, and what a restore must bring back as Graph shows it (times, read state, flag, categories,
 * importance, reply-to, the body's SHA-256, each attachment's name and SHA-256), so a mailbox restored
 * elsewhere can be compared with its original although its MIME is rebuilt.
 */
public final class MailSnapshot implements SnapshotSource {
    private final TenantModel tenant;
    private final MailJson json;

    public MailSnapshot(TenantModel tenant) {
        this.tenant = tenant;
        this.json = new MailJson(tenant.seed());
    }

    @Override
    public String workload() {
        return "mail";
    }

    @Override
    public ArrayNode items(String owner) {
        ArrayNode out = Json.arr();
        if (!tenant.directory().hasMailbox(owner)) {
            return out;
        }
        Mailbox box = tenant.mailbox(owner);
        synchronized (box) {
            for (MailItem m : box.messages()) {
                byte[] mime = m.source.mime();
                MessageView v = MessageView.of(mime);
                ObjectNode j = out.addObject();
                // The id a client asking for immutable ids sees (the backup does); restId changes on moves.
                j.put("id", m.immutableId);
                j.put("restId", m.id());
                j.put("folder", path(box, box.folder(m.folderId)));
                j.put("subject", v.subject());
                j.put("internetMessageId", v.messageId());
                j.put("isRead", m.isRead);
                j.put("isDraft", m.isDraft);
                j.put("size", mime.length);
                j.put("sha256", Hashes.sha256(mime));
                ObjectNode graph = json.message(m, false, false, true);
                for (String f : new String[] {"receivedDateTime", "sentDateTime", "importance"}) {
                    j.set(f, graph.get(f));
                }
                j.put("flag", m.flagStatus);
                j.set("categories", graph.get("categories"));
                j.put("from", graph.path("from").path("emailAddress").path("address").asText(null));
                j.set("replyTo", graph.get("replyTo"));
                j.put("bodySha256", Hashes.sha256(graph.path("body").path("content").asText("").getBytes(StandardCharsets.UTF_8)));
                ArrayNode atts = j.putArray("attachments");
                for (MessageSpec.Attachment a : v.attachments()) {
                    atts.addObject().put("name", a.name()).put("inline", a.inline()).put("sha256", Hashes.sha256(a.bytes()));
                }
            }
        }
        return out;
    }

    private static String path(Mailbox box, MailFolder f) {
        StringBuilder b = new StringBuilder(f.displayName);
        MailFolder cur = f;
        while (cur.parentId != null && !cur.parentId.equals(box.root().id())) {
            cur = box.folders.get(cur.parentId);
            b.insert(0, cur.displayName + "/");
        }
        return b.toString();
    }
}
