package io.m365vault.backup.files;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.Collection;
import io.m365vault.backup.CollectionSync;
import io.m365vault.backup.Containers;
import io.m365vault.backup.ItemKind;
import io.m365vault.backup.Json;
import io.m365vault.backup.SyncContext;
import io.m365vault.backup.WorkloadSync;
import io.m365vault.graph.DeltaPager;
import io.m365vault.graph.GraphNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of a protected item: a user's OneDrive ({@code users/{id}/drive}; a user without one
 * answers 404 and the workload is skipped), a site's document libraries ({@code sites/{id}/drives}
 * without hidden system drives) or a group's drive ({@code groups/{id}/drive}, a team's files).
 * The drives are a listing (a library that is gone closes with its tree); each drive is then
 * followed by its own delta, checkpointed per page. A drive that cannot be read does not stop the
 * others. With {@code versions} above 0, each file that changed in this run has its earlier
 * versions listed and the newest {@code versions} of them kept.
 */
public final class FilesSync implements WorkloadSync {
    private static final Logger LOG = LoggerFactory.getLogger(FilesSync.class);
    static final String DRIVES = "drives";
    static final String DRIVE = "drive:";
    static final String VERSIONS = "versions:";

    private final int versions;
    /** The drives this run knows (listed now or stored): only their ids have delta state to drop when they close. */
    private final Set<String> drives = new HashSet<>();

    public FilesSync(int versions) {
        this.versions = versions;
    }

    @Override
    public void run(SyncContext ctx) throws IOException {
        List<JsonNode> listed = drives(ctx);
        ctx.repo().catalog().at(ctx.partition(), ctx.runTime(), ItemKind.DRIVE, d -> drives.add(d.itemId()));
        CollectionSync sync = new CollectionSync(ctx);
        sync.replaceAll(Collection.listing(DRIVES, ctx.base() + "/drives", new DriveShape(), null), listed);
        List<String> ids = listed.stream().map(d -> d.get("id").asText()).toList();
        drives.addAll(ids);
        List<CollectionSync.Written> written = Containers.each(sync, ids, "drives", id -> Collection.delta(DRIVE + id,
                "drives/" + Json.seg(id) + "/items/root/delta()", new DriveItemShape(id), null));
        if (versions > 0) {
            versions(ctx, sync, written);
        }
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

    /** The earlier versions of the files this run wrote: Graph lists them newest first, the current one at the top. */
    private void versions(SyncContext ctx, CollectionSync sync, List<CollectionSync.Written> written) throws IOException {
        DeltaPager pager = new DeltaPager(ctx.graph());
        for (CollectionSync.Written w : written) {
            JsonNode file = w.item();
            if (file.has("folder") || file.has("root") || file.has("package") || file.has("deleted")) {
                continue;
            }
            String fileId = file.get("id").asText();
            String driveId = Json.text(file.path("parentReference"), "driveId");
            String url = "drives/" + Json.seg(driveId) + "/items/" + Json.seg(fileId) + "/versions";
            List<JsonNode> all;
            try {
                all = pager.all(url);
            } catch (GraphNotFoundException gone) {
                continue; // deleted since the delta named it: the next delta closes it
            } catch (IOException e) {
                // The file itself is backed up; its earlier versions are listed again when it next changes.
                LOG.warn("versions not read run={} item={} workload=files file={}: {}", ctx.runId(), ctx.item(), fileId, e.getMessage());
                continue;
            }
            List<JsonNode> older = all.subList(Math.min(1, all.size()), Math.min(all.size(), 1 + versions));
            sync.replaceAll(Collection.listing(VERSIONS + fileId, url, new FileVersionShape(driveId, fileId), fileId), older);
        }
    }

    @Override
    public List<String> stateKeysOf(String containerId) {
        return drives.contains(containerId) ? List.of(DRIVE + containerId) : List.of();
    }
}
