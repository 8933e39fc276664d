package io.m365vault.backup.files;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.Collection;
import io.m365vault.backup.CollectionSync;
import io.m365vault.backup.Containers;
import io.m365vault.backup.Json;
import io.m365vault.backup.SyncContext;
import io.m365vault.backup.WorkloadSync;
import io.m365vault.graph.DeltaPager;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of a protected item: a user's OneDrive ({@code users/{id}/drive}; a user without one
 * answers 404 and the workload is skipped), a site's document libraries ({@code sites/{id}/drives}
 * without hidden system drives) or a group's drive ({@code groups/{id}/drive}, a team's files).
 * The drives are a listing (a library that is gone closes with its tree); each drive is then
 * followed by its own delta, checkpointed per page. A drive that cannot be read does not stop the others.
 */
public final class FilesSync implements WorkloadSync {
    static final String DRIVES = "drives";
    static final String DRIVE = "drive:";

    @Override
    public void run(SyncContext ctx) throws IOException {
        List<JsonNode> drives = drives(ctx);
        CollectionSync sync = new CollectionSync(ctx);
        sync.replaceAll(Collection.listing(DRIVES, ctx.base() + "/drives", new DriveShape(), null), drives);
        List<String> ids = drives.stream().map(d -> d.get("id").asText()).toList();
        Containers.each(sync, ids, "drives", id -> Collection.delta(DRIVE + id,
                "drives/" + Json.seg(id) + "/items/root/delta()", new DriveItemShape(id), null));
    }

    private static List<JsonNode> drives(SyncContext ctx) throws IOException {
        if (ctx.item().kind().equals("site")) {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode d : new DeltaPager(ctx.graph()).all(ctx.base() + "/drives")) {
                if (!d.has("system")) { // hidden system libraries (and those Graph shows only when $select'ed)
                    out.add(d);
                }
            }
            return out;
        }
        return List.of(ctx.graph().get(ctx.base() + "/drive"));
    }

    @Override
    public List<String> stateKeysOf(String containerId) {
        return List.of(DRIVE + containerId);
    }
}
