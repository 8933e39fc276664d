package io.m365vault.graphsim.drive;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.control.SnapshotSource;
import io.m365vault.graphsim.http.Json;
import io.m365vault.graphsim.model.Hashes;
import io.m365vault.graphsim.model.SimUser;
import io.m365vault.graphsim.model.TenantModel;
import io.m365vault.graphsim.site.SimSite;

import java.util.ArrayList;
import java.util.List;

/** Every live file of the owner's drives (a user's OneDrive, a site's libraries): path, size, SHA-256. */
public final class DriveSnapshot implements SnapshotSource {
    private final TenantModel tenant;

    public DriveSnapshot(TenantModel tenant) {
        this.tenant = tenant;
    }

    /** The owner's drives: a user's OneDrive, a site's libraries, a group's default library. */
    static List<String> driveIds(TenantModel tenant, String owner) {
        List<String> driveIds = new ArrayList<>();
        SimUser u = tenant.directory().user(owner);
        SimSite site = tenant.sites().site(owner);
        if (u != null && tenant.sites().userDriveId(u.id) != null) {
            driveIds.add(tenant.sites().userDriveId(u.id));
        } else if (site != null) {
            driveIds.addAll(site.driveIds);
        } else if (tenant.sites().groupSite(owner) != null) {
            driveIds.add(tenant.sites().groupSite(owner).driveIds.get(0)); // the group's drive: its site's default library
        }
        return driveIds;
    }

    @Override
    public String workload() {
        return "files";
    }

    @Override
    public ArrayNode items(String owner) {
        List<String> driveIds = driveIds(tenant, owner);
        ArrayNode out = Json.arr();
        for (String id : driveIds) {
            Drive d = tenant.drive(id);
            synchronized (d) {
                for (DriveItem f : d.liveFiles()) {
                    ObjectNode j = out.addObject();
                    j.put("driveId", id);
                    j.put("drive", d.spec.name());
                    j.put("id", f.id());
                    j.put("path", d.path(d.parent(f)).substring("/drive/root:".length()) + "/" + f.name);
                    j.put("size", f.size());
                    j.put("versions", f.versions.size());
                    j.put("sha256", Hashes.sha256(out2 -> f.content().write(out2, 0, f.size())));
                    j.put("quickXorHash", QuickXor.of(f.content()));
                    // As fileSystemInfo has them: what the owner's computer (or a restore) set, else the drive's own.
                    j.put("createdDateTime", f.fileCreated().toString());
                    j.put("lastModifiedDateTime", f.fileModified().toString());
                }
            }
        }
        return out;
    }
}
