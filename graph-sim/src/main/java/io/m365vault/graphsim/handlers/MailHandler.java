package io.m365vault.graphsim.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.m365vault.graphsim.SimContext;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.control.AttachmentItem;
import io.m365vault.graphsim.control.UploadSessions;
import io.m365vault.graphsim.delta.DeltaState;
import io.m365vault.graphsim.delta.DeltaTokens;
import io.m365vault.graphsim.http.Content;
import io.m365vault.graphsim.http.GraphError;
import io.m365vault.graphsim.http.Json;
import io.m365vault.graphsim.http.Paging;
import io.m365vault.graphsim.http.Prefer;
import io.m365vault.graphsim.http.Req;
import io.m365vault.graphsim.http.Res;
import io.m365vault.graphsim.http.Router;
import io.m365vault.graphsim.mail.JsonMessages;
import io.m365vault.graphsim.mail.MailFolder;
import io.m365vault.graphsim.mail.MailItem;
import io.m365vault.graphsim.mail.MailJson;
import io.m365vault.graphsim.mail.Mailbox;
import io.m365vault.graphsim.mail.MessageSpec;
import io.m365vault.graphsim.mail.MessageView;
import io.m365vault.graphsim.mail.MimeSource;
import io.m365vault.graphsim.model.SimClock;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Mail folders, messages, their MIME and attachments, and the two mail delta queries. */
public final class MailHandler {
    private static final int MESSAGE_PAGE = 10;
    private static final int MESSAGE_PAGE_MAX = 1000;
    private final SimContext ctx;
    private final UploadSessions uploads;

    public MailHandler(SimContext ctx, UploadSessions uploads) {
        this.ctx = ctx;
        this.uploads = uploads;
    }

    public void register(Router r) {
        r.get("users/{u}/mailboxSettings", (q, p) -> Res.json(ctx.tenant.user(p.get("u")).mailboxSettings()));
        r.get("users/{u}/mailFolders/delta", this::foldersDelta);
        r.get("users/{u}/mailFolders", (q, p) -> listFolders(q, p.get("u"), null));
        r.post("users/{u}/mailFolders", (q, p) -> createFolder(q, p.get("u"), "msgfolderroot"));
        r.get("users/{u}/mailFolders/{f}", this::getFolder);
        r.get("users/{u}/mailFolders/{f}/childFolders", (q, p) -> listFolders(q, p.get("u"), p.get("f")));
        r.post("users/{u}/mailFolders/{f}/childFolders", (q, p) -> createFolder(q, p.get("u"), p.get("f")));
        r.get("users/{u}/mailFolders/{f}/messages/delta", this::messagesDelta);
        r.get("users/{u}/mailFolders/{f}/messages", this::listFolderMessages);
        r.post("users/{u}/mailFolders/{f}/messages", (q, p) -> createMessage(q, p.get("u"), p.get("f")));
        r.get("users/{u}/messages", this::listAllMessages);
        r.post("users/{u}/messages", (q, p) -> createMessage(q, p.get("u"), "drafts"));
        for (String prefix : new String[] {"users/{u}/messages/{m}", "users/{u}/mailFolders/{f}/messages/{m}"}) {
            r.get(prefix, this::getMessage);
            r.patch(prefix, this::patchMessage);
            r.delete(prefix, this::deleteMessage);
            // The message goes to the dumpster's Purges, out of every folder, as a delete does here.
            r.post(prefix + "/permanentDelete", this::deleteMessage);
            r.get(prefix + "/$value", this::mime);
            r.post(prefix + "/move", this::move);
            r.get(prefix + "/attachments", this::listAttachments);
            r.post(prefix + "/attachments", this::addAttachment);
            r.post(prefix + "/attachments/createUploadSession", this::uploadSession);
            r.get(prefix + "/attachments/{a}", (q, p) -> attachment(q, p, false));
            r.get(prefix + "/attachments/{a}/$value", (q, p) -> attachment(q, p, true));
        }
    }

    private Res foldersDelta(Req req, Map<String, String> p) {
        Mailbox box = ctx.tenant.mailbox(p.get("u"));
        synchronized (box) {
            DeltaState st = ctx.delta.state(req, DeltaTokens.Flavour.OUTLOOK, 10, 1000, null, null);
            String root = box.root().id();
            boolean hidden = ctx.config.hiddenFoldersInDelta;
            return ctx.delta.respond(req, st, box.folders, f -> !f.id().equals(root) && (hidden || !f.hidden),
                    f -> f.deleted() ? MailJson.folderRemoved(f.id()) : MailJson.folder(box, f), req.encodedPath(), false);
        }
    }

    private Res listFolders(Req req, String user, String parent) {
        Mailbox box = ctx.tenant.mailbox(user);
        synchronized (box) {
            MailFolder f = parent == null ? box.root() : folder(box, parent);
            boolean hidden = "true".equalsIgnoreCase(req.q("includeHiddenFolders"));
            List<JsonNode> out = new ArrayList<>();
            for (MailFolder c : box.children(f, hidden)) {
                out.add(MailJson.folder(box, c));
            }
            return Paging.list(req, out, 10, 1000);
        }
    }

    private Res getFolder(Req req, Map<String, String> p) {
        Mailbox box = ctx.tenant.mailbox(p.get("u"));
        synchronized (box) {
            return Res.json(Paging.project(MailJson.folder(box, folder(box, p.get("f"))), Paging.select(req)));
        }
    }

    private Res createFolder(Req req, String user, String parent) {
        JsonNode body = Json.parse(req.body);
        String name = Json.text(body, "displayName", null);
        if (name == null || name.isBlank()) {
            throw GraphError.badRequest("ErrorInvalidRequest", "displayName is required.");
        }
        Mailbox box = ctx.tenant.mailbox(user);
        synchronized (box) {
            MailFolder f = box.createFolder(folder(box, parent), name);
            return Res.json(201, MailJson.folder(box, f));
        }
    }

    private static MailFolder folder(Mailbox box, String idOrName) {
        MailFolder f = box.folder(idOrName);
        if (f == null) {
            throw GraphError.itemNotFound();
        }
        return f;
    }

    private static MailItem message(Mailbox box, String id) {
        MailItem m = box.message(id);
        if (m == null) {
            throw GraphError.itemNotFound();
        }
        return m;
    }

    private boolean preferText(Req req) {
        String prefer = req.header("Prefer");
        return prefer != null && prefer.toLowerCase().contains("outlook.body-content-type=\"text\"");
    }

    private boolean expandsExtended(Req req) {
        String expand = req.q("$expand");
        return expand != null && expand.toLowerCase().contains("singlevalueextendedproperties");
    }

    private Res messagesDelta(Req req, Map<String, String> p) {
        Mailbox box = ctx.tenant.mailbox(p.get("u"));
        synchronized (box) {
            MailFolder f = folder(box, p.get("f"));
            DeltaState st = ctx.delta.state(req, DeltaTokens.Flavour.OUTLOOK, MESSAGE_PAGE, MESSAGE_PAGE_MAX, null, null);
            boolean text = preferText(req);
            boolean imm = Prefer.immutableIds(req);
            // With immutable ids a message moved out and back in is one item, present: its tombstone from
            // leaving is not reported beside it (Graph gives an item's latest state, never "removed" for one that is there).
            java.util.Set<String> here = new java.util.HashSet<>();
            if (imm) {
                f.items.values().forEach(m -> {
                    if (!m.deleted()) {
                        here.add(m.immutableId);
                    }
                });
            }
            return ctx.delta.respond(req, st, f.items, m -> !(m.deleted() && here.contains(m.immutableId)),
                    m -> m.deleted() ? MailJson.removed(m.id(imm)) : ctx.mailJson.message(m, text, false, imm), req.encodedPath(), false);
        }
    }

    private Res listFolderMessages(Req req, Map<String, String> p) {
        Mailbox box = ctx.tenant.mailbox(p.get("u"));
        synchronized (box) {
            MailFolder f = folder(box, p.get("f"));
            List<MailItem> items = new ArrayList<>();
            for (MailItem m : f.items.values()) {
                if (!m.deleted()) {
                    items.add(m);
                }
            }
            return renderList(req, items);
        }
    }

    private Res listAllMessages(Req req, Map<String, String> p) {
        Mailbox box = ctx.tenant.mailbox(p.get("u"));
        synchronized (box) {
            return renderList(req, box.messages());
        }
    }

    private Res renderList(Req req, List<MailItem> items) {
        boolean text = preferText(req);
        boolean ext = expandsExtended(req);
        boolean imm = Prefer.immutableIds(req);
        return Paging.list(req, items.size(), i -> ctx.mailJson.message(items.get(i), text, ext, imm), MESSAGE_PAGE, MESSAGE_PAGE_MAX);
    }

    private Res getMessage(Req req, Map<String, String> p) {
        Mailbox box = ctx.tenant.mailbox(p.get("u"));
        synchronized (box) {
            MailItem m = message(box, p.get("m"));
            return Res.json(Paging.project(ctx.mailJson.message(m, preferText(req), expandsExtended(req), Prefer.immutableIds(req)), Paging.select(req)));
        }
    }

    private Res mime(Req req, Map<String, String> p) {
        Mailbox box = ctx.tenant.mailbox(p.get("u"));
        MimeSource src;
        synchronized (box) {
            src = message(box, p.get("m")).source;
        }
        return Res.bytes(200, "message/rfc822", Content.of(src.mime()));
    }

    private Res patchMessage(Req req, Map<String, String> p) {
        JsonNode body = Json.parse(req.body);
        Mailbox box = ctx.tenant.mailbox(p.get("u"));
        synchronized (box) {
            MailItem m = message(box, p.get("m"));
            if (body.has("isRead")) {
                m.isRead = body.get("isRead").asBoolean();
            }
            if (body.has("flag")) {
                m.flagStatus = body.path("flag").path("flagStatus").asText(m.flagStatus);
            }
            if (body.has("categories")) {
                m.categories = new ArrayList<>();
                body.get("categories").forEach(c -> m.categories.add(c.asText()));
            }
            if (body.has("singleValueExtendedProperties")) {
                m.extendedProperties = mergeProps(m.extendedProperties, (ArrayNode) body.get("singleValueExtendedProperties"));
            }
            box.edit(m);
            return Res.json(ctx.mailJson.message(m, false, false, Prefer.immutableIds(req)));
        }
    }

    private static ArrayNode mergeProps(ArrayNode old, ArrayNode add) {
        TreeMap<String, JsonNode> byId = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (old != null) {
            old.forEach(n -> byId.put(n.path("id").asText(), n));
        }
        add.forEach(n -> byId.put(n.path("id").asText(), n));
        ArrayNode out = Json.arr();
        byId.values().forEach(out::add);
        return out;
    }

    private Res deleteMessage(Req req, Map<String, String> p) {
        Mailbox box = ctx.tenant.mailbox(p.get("u"));
        synchronized (box) {
            box.delete(message(box, p.get("m")));
        }
        return Res.empty(204);
    }

    private Res move(Req req, Map<String, String> p) {
        JsonNode body = Json.parse(req.body);
        String dest = Json.text(body, "destinationId", null);
        if (dest == null) {
            throw GraphError.badRequest("ErrorInvalidRequest", "destinationId is required.");
        }
        Mailbox box = ctx.tenant.mailbox(p.get("u"));
        synchronized (box) {
            MailItem moved = box.move(message(box, p.get("m")), folder(box, dest));
            return Res.json(201, ctx.mailJson.message(moved, false, false, Prefer.immutableIds(req)));
        }
    }

    /**
     * Creates a message from Graph JSON, or from base64 MIME sent as text/plain, which Graph
     * always stores as a draft. JSON with message flags (0x0E07) without the unsent bit is not a draft.
     */
    private Res createMessage(Req req, String user, String folderKey) {
        Mailbox box = ctx.tenant.mailbox(user);
        String type = req.header("Content-Type");
        synchronized (box) {
            MailFolder folder = folder(box, folderKey);
            MailItem m;
            if (type != null && type.toLowerCase().startsWith("text/plain")) {
                byte[] mime;
                try {
                    mime = Base64.getMimeDecoder().decode(req.body);
                } catch (IllegalArgumentException e) {
                    throw GraphError.badRequest("ErrorMimeContentInvalidBase64String", "Invalid base64 string for MIME content.");
                }
                if (MessageView.of(mime).messageId() == null && mime.length == 0) {
                    throw GraphError.badRequest("ErrorMimeContentInvalid", "The MIME content is empty.");
                }
                m = box.create(folder, MimeSource.bytes(mime));
                m.isDraft = true;
                m.isRead = true;
            } else {
                JsonNode body = Json.parse(req.body);
                long seq = ctx.tenant.currentSeq() + 1;
                MessageSpec spec = JsonMessages.spec(body, box.owner, SimClock.atChange(seq),
                        Long.toHexString(ctx.tenant.seed() ^ seq) + "." + seq + "@sim." + ctx.config.domain);
                m = box.create(folder, new MimeSource.Composed(spec));
                Integer flags = JsonMessages.messageFlags(body);
                m.isDraft = flags == null || (flags & 8) != 0;
                m.isRead = flags != null ? (flags & 1) != 0 : body.path("isRead").asBoolean(true);
                if (body.has("singleValueExtendedProperties")) {
                    m.extendedProperties = (ArrayNode) body.get("singleValueExtendedProperties").deepCopy();
                }
                if (body.has("categories")) {
                    body.get("categories").forEach(c -> m.categories.add(c.asText()));
                }
                m.flagStatus = body.path("flag").path("flagStatus").asText("notFlagged");
            }
            return Res.json(201, ctx.mailJson.message(m, false, false, Prefer.immutableIds(req)));
        }
    }

    private Res listAttachments(Req req, Map<String, String> p) {
        Mailbox box = ctx.tenant.mailbox(p.get("u"));
        synchronized (box) {
            MailItem m = message(box, p.get("m"));
            List<MessageSpec.Attachment> atts = MessageView.of(m.source.mime()).attachments();
            List<JsonNode> out = new ArrayList<>();
            for (int i = 0; i < atts.size(); i++) {
                out.add(ctx.mailJson.attachment(m, i, atts.get(i), true));
            }
            return Paging.list(req, out, 100, 1000);
        }
    }

    private Res attachment(Req req, Map<String, String> p, boolean raw) {
        Mailbox box = ctx.tenant.mailbox(p.get("u"));
        synchronized (box) {
            MailItem m = message(box, p.get("m"));
            List<MessageSpec.Attachment> atts = MessageView.of(m.source.mime()).attachments();
            for (int i = 0; i < atts.size(); i++) {
                if (ctx.mailJson.attachmentId(m, i).equals(p.get("a"))) {
                    MessageSpec.Attachment a = atts.get(i);
                    return raw ? Res.bytes(200, a.contentType(), Content.of(a.bytes()))
                            : Res.json(Paging.project(ctx.mailJson.attachment(m, i, a, true), Paging.select(req)));
                }
            }
            throw GraphError.itemNotFound();
        }
    }

    /** A large attachment in ranges; the last range adds it to the message, as Outlook's sessions do. */
    private Res uploadSession(Req req, Map<String, String> p) {
        AttachmentItem item = AttachmentItem.parse(req.body);
        Mailbox box = ctx.tenant.mailbox(p.get("u"));
        String immutableId;
        synchronized (box) {
            MailItem m = message(box, p.get("m"));
            if (!(m.source instanceof MimeSource.Composed)) {
                throw GraphError.badRequest("ErrorInvalidRequest", "The simulator adds attachments only to messages created from JSON.");
            }
            immutableId = m.immutableId;
        }
        String location = req.baseUrl + "/users/" + Req.encodeSegment(box.owner.id) + "/messages/" + Req.encodeSegment(immutableId) + "/attachments/";
        ObjectNode session = uploads.createOutlook(item.size(), bytes -> {
            synchronized (box) {
                MailItem m = message(box, immutableId);
                ((MimeSource.Composed) m.source).addAttachment(new MessageSpec.Attachment(item.name(), item.contentType(), bytes, null));
                box.edit(m);
                int index = MessageView.of(m.source.mime()).attachments().size() - 1;
                return Res.empty(201).header("Location", location + Req.encodeSegment(ctx.mailJson.attachmentId(m, index)));
            }
        });
        session.put("@odata.context", req.baseUrl + "/$metadata#microsoft.graph.uploadSession");
        return Res.json(201, session);
    }

    private Res addAttachment(Req req, Map<String, String> p) {
        MessageSpec.Attachment a = JsonMessages.attachment(Json.parse(req.body));
        Mailbox box = ctx.tenant.mailbox(p.get("u"));
        synchronized (box) {
            MailItem m = message(box, p.get("m"));
            if (!(m.source instanceof MimeSource.Composed composed)) {
                throw GraphError.badRequest("ErrorInvalidRequest", "The simulator adds attachments only to messages created from JSON.");
            }
            composed.addAttachment(a);
            box.edit(m);
            int index = MessageView.of(m.source.mime()).attachments().size() - 1;
            return Res.json(201, ctx.mailJson.attachment(m, index, a, false));
        }
    }
}
