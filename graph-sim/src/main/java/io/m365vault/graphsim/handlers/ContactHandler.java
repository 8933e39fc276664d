package io.m365vault.graphsim.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.SimContext;
import io.m365vault.graphsim.contacts.ContactBook;
import io.m365vault.graphsim.contacts.ContactFolder;
import io.m365vault.graphsim.contacts.ContactItem;
import io.m365vault.graphsim.contacts.ContactJson;
import io.m365vault.graphsim.delta.DeltaState;
import io.m365vault.graphsim.delta.DeltaTokens;
import io.m365vault.graphsim.http.Content;
import io.m365vault.graphsim.http.GraphError;
import io.m365vault.graphsim.http.Json;
import io.m365vault.graphsim.http.Paging;
import io.m365vault.graphsim.http.Req;
import io.m365vault.graphsim.http.Res;
import io.m365vault.graphsim.http.Router;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Contact folders, contacts, their photos, and contacts delta per folder. */
public final class ContactHandler {
    private static final java.util.Set<String> SERVER_FIELDS = java.util.Set.of("id", "createdDateTime", "lastModifiedDateTime",
            "changeKey", "parentFolderId", "@odata.type", "@odata.etag", "@odata.context");
    private final SimContext ctx;

    public ContactHandler(SimContext ctx) {
        this.ctx = ctx;
    }

    public void register(Router r) {
        r.get("users/{u}/contactFolders", (q, p) -> folders(q, p.get("u"), "contacts"));
        r.post("users/{u}/contactFolders", (q, p) -> createFolder(q, p.get("u"), "contacts"));
        r.get("users/{u}/contactFolders/{f}", (q, p) -> {
            ContactBook b = ctx.tenant.contacts(p.get("u"));
            synchronized (b) {
                return Res.json(ContactJson.folder(b.folder(p.get("f"))));
            }
        });
        r.delete("users/{u}/contactFolders/{f}", (q, p) -> {
            ContactBook b = ctx.tenant.contacts(p.get("u"));
            synchronized (b) {
                b.delete(b.folder(p.get("f")));
            }
            return Res.empty(204);
        });
        r.get("users/{u}/contactFolders/{f}/childFolders", (q, p) -> folders(q, p.get("u"), p.get("f")));
        r.post("users/{u}/contactFolders/{f}/childFolders", (q, p) -> createFolder(q, p.get("u"), p.get("f")));
        r.get("users/{u}/contactFolders/{f}/contacts/delta", (q, p) -> delta(q, p.get("u"), p.get("f")));
        r.get("users/{u}/contacts/delta", (q, p) -> delta(q, p.get("u"), "contacts"));
        r.get("users/{u}/contactFolders/{f}/contacts", (q, p) -> list(q, p.get("u"), p.get("f")));
        r.get("users/{u}/contacts", (q, p) -> list(q, p.get("u"), "contacts"));
        r.post("users/{u}/contactFolders/{f}/contacts", (q, p) -> create(q, p.get("u"), p.get("f")));
        r.post("users/{u}/contacts", (q, p) -> create(q, p.get("u"), "contacts"));
        for (String prefix : new String[] {"users/{u}/contacts/{c}", "users/{u}/contactFolders/{f}/contacts/{c}"}) {
            r.get(prefix, (q, p) -> {
                ContactBook b = ctx.tenant.contacts(p.get("u"));
                synchronized (b) {
                    return Res.json(Paging.project(ContactJson.contact(b.contact(p.get("c"))), Paging.select(q)));
                }
            });
            r.patch(prefix, this::patch);
            r.delete(prefix, (q, p) -> {
                ContactBook b = ctx.tenant.contacts(p.get("u"));
                synchronized (b) {
                    b.delete(b.contact(p.get("c")));
                }
                return Res.empty(204);
            });
            // permanentDelete skips Deleted Items, which the simulator does not keep for contacts: both remove the contact.
            r.post(prefix + "/permanentDelete", (q, p) -> {
                ContactBook b = ctx.tenant.contacts(p.get("u"));
                synchronized (b) {
                    b.delete(b.contact(p.get("c")));
                }
                return Res.empty(204);
            });
            r.get(prefix + "/photo/$value", this::photo);
            r.put(prefix + "/photo/$value", this::setPhoto);
        }
    }

    private Res folders(Req req, String user, String parent) {
        ContactBook b = ctx.tenant.contacts(user);
        synchronized (b) {
            List<JsonNode> out = new ArrayList<>();
            for (ContactFolder f : b.children(b.folder(parent))) {
                out.add(ContactJson.folder(f));
            }
            return Paging.list(req, out, 10, 1000);
        }
    }

    private Res createFolder(Req req, String user, String parent) {
        String name = Json.text(Json.parse(req.body), "displayName", null);
        if (name == null || name.isBlank()) {
            throw GraphError.badRequest("ErrorInvalidRequest", "displayName is required.");
        }
        ContactBook b = ctx.tenant.contacts(user);
        synchronized (b) {
            return Res.json(201, ContactJson.folder(b.createFolder(b.folder(parent), name)));
        }
    }

    private Res list(Req req, String user, String folder) {
        ContactBook b = ctx.tenant.contacts(user);
        synchronized (b) {
            List<JsonNode> out = new ArrayList<>();
            for (ContactItem c : b.folder(folder).items.values()) {
                if (!c.deleted()) {
                    out.add(ContactJson.contact(c));
                }
            }
            return Paging.list(req, out, 10, 1000);
        }
    }

    private Res delta(Req req, String user, String folder) {
        ContactBook b = ctx.tenant.contacts(user);
        synchronized (b) {
            ContactFolder f = b.folder(folder);
            DeltaState st = ctx.delta.state(req, DeltaTokens.Flavour.OUTLOOK, 10, 1000, null, null);
            return ctx.delta.respond(req, st, f.items, c -> true,
                    c -> c.deleted() ? ContactJson.removed(c.id()) : ContactJson.contact(c), req.encodedPath(), false);
        }
    }

    private static ObjectNode clientFields(JsonNode body) {
        if (!body.isObject()) {
            throw GraphError.badRequest("ErrorInvalidRequest", "A contact object is expected.");
        }
        ObjectNode fields = ((ObjectNode) body).deepCopy();
        fields.remove(SERVER_FIELDS);
        return fields;
    }

    private Res create(Req req, String user, String folder) {
        ObjectNode fields = clientFields(Json.parse(req.body));
        ContactBook b = ctx.tenant.contacts(user);
        synchronized (b) {
            return Res.json(201, ContactJson.contact(b.create(b.folder(folder), fields)));
        }
    }

    private Res patch(Req req, Map<String, String> p) {
        ObjectNode fields = clientFields(Json.parse(req.body));
        ContactBook b = ctx.tenant.contacts(p.get("u"));
        synchronized (b) {
            ContactItem c = b.contact(p.get("c"));
            c.fields = c.fields.deepCopy();
            c.fields.setAll(fields);
            b.edit(c);
            return Res.json(ContactJson.contact(c));
        }
    }

    private Res photo(Req req, Map<String, String> p) {
        ContactBook b = ctx.tenant.contacts(p.get("u"));
        byte[] photo;
        synchronized (b) {
            photo = b.contact(p.get("c")).photoBytes();
        }
        if (photo == null) {
            throw GraphError.notFound("ErrorItemNotFound", "The photo wasn't found.");
        }
        return Res.bytes(200, "image/jpeg", Content.of(photo));
    }

    private Res setPhoto(Req req, Map<String, String> p) {
        if (req.body.length == 0) {
            throw GraphError.badRequest("ErrorInvalidRequest", "The photo body is empty.");
        }
        ContactBook b = ctx.tenant.contacts(p.get("u"));
        synchronized (b) {
            ContactItem c = b.contact(p.get("c"));
            c.photo = req.body;
            b.edit(c);
        }
        return Res.empty(200);
    }
}
