package io.m365vault.graphsim.drive;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.control.SnapshotSource;
import io.m365vault.graphsim.http.Json;
import io.m365vault.graphsim.model.TenantModel;

/** The snapshot's {@code driveQuota}: each of the owner's drives with quota total, used and remaining as Graph shows them. */
public final class DriveQuotaSnapshot implements SnapshotSource {
    private final TenantModel tenant;

    public DriveQuotaSnapshot(TenantModel tenant) {
        this.tenant = tenant;
    }

    @Override
    public String workload() {
        return "driveQuota";
    }

    @Override
    public ArrayNode items(String owner) {
        ArrayNode out = Json.arr();
        for (String id : DriveSnapshot.driveIds(tenant, owner)) {
            Drive d = tenant.drive(id);
            synchronized (d) {
                out.add(((ObjectNode) DriveJson.drive(d.spec, d.used(), d.quotaBytes()).get("quota")).put("driveId", id));
            }
        }
        return out;
    }
}
