package io.m365vault.graphsim.contacts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.control.SnapshotSource;
import io.m365vault.graphsim.http.Json;
import io.m365vault.graphsim.model.Hashes;
import io.m365vault.graphsim.model.TenantModel;

/** Every live contact: folder, display name, SHA-256 of its properties and of its photo. */
public final class ContactSnapshot implements SnapshotSource {
    private final TenantModel tenant;

    public ContactSnapshot(TenantModel tenant) {
        this.tenant = tenant;
    }

    @Override
    public String workload() {
        return "contacts";
    }

    @Override
    public ArrayNode items(String owner) {
        ArrayNode out = Json.arr();
        if (!tenant.directory().hasMailbox(owner)) {
            return out;
        }
        ContactBook b = tenant.contacts(owner);
        synchronized (b) {
            for (ContactItem c : b.live()) {
                ObjectNode j = out.addObject();
                j.put("id", c.id());
                j.put("folder", b.folders.get(c.folderId).displayName);
                j.put("displayName", c.fields.path("displayName").asText());
                j.put("sha256", Hashes.sha256(Json.bytes(c.fields)));
                byte[] photo = c.photoBytes();
                j.put("photoSha256", photo == null ? null : Hashes.sha256(photo));
            }
        }
        return out;
    }
}
