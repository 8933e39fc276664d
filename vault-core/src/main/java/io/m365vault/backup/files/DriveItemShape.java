package io.m365vault.backup.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.backup.ItemKind;
import io.m365vault.backup.ItemShape;
import io.m365vault.backup.Json;
import io.m365vault.graph.GraphReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * A drive's items as drive delta sends them: folders (the root among them) and files. Deleted
 * items carry the {@code deleted} facet. Delta gives no paths, so each item's parent is its
 * {@code parentReference.id} (the root's, the drive). A file is a new version on a new eTag; it
 * has new content only when its quickXorHash or size changed (OneDrive for Business delta leaves
 * out cTag), so a rename, a move or a resync downloads nothing. A folder is a new version when
 * renamed or moved, not each time something under it changes (which changes its eTag).
 */
final class DriveItemShape implements ItemShape {
    private static final String DOWNLOAD_URL = "@microsoft.graph.downloadUrl";
    private final String driveId;

    DriveItemShape(String driveId) {
        this.driveId = driveId;
    }

    @Override
    public String kind() {
        return ItemKind.FILE;
    }

    @Override
    public String kind(JsonNode item) {
        return isFolder(item) ? ItemKind.DRIVE_FOLDER : ItemKind.FILE;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(ItemKind.DRIVE_FOLDER, ItemKind.FILE);
    }

    /** Folders, the root, and packages (OneNote notebooks), whose parts are their children. */
    private static boolean isFolder(JsonNode item) {
        return item.has("folder") || item.has("root") || item.has("package");
    }

    @Override
    public boolean removed(JsonNode item) {
        return item.has("deleted");
    }

    @Override
    public String parent(JsonNode item) {
        JsonNode ref = item.path("parentReference");
        String id = Json.text(ref, "id");
        return id != null && !item.has("root") ? id : Json.text(ref, "driveId") != null ? Json.text(ref, "driveId") : driveId;
    }

    @Override
    public String version(JsonNode item) {
        return isFolder(item) ? Json.fields(item, "name") + parent(item) : Json.text(item, "eTag");
    }

    @Override
    public String contentTag(JsonNode item) {
        if (isFolder(item)) {
            return null;
        }
        String hash = quickXorHash(item);
        // Without a hash only the eTag can tell: every new version is downloaded again.
        return (hash != null ? "qxh " + hash : "etag " + Json.text(item, "eTag")) + " size " + size(item);
    }

    @Override
    public String contentPath(JsonNode item) {
        return size(item) == 0 ? null : itemPath(Json.text(item, "id")) + "/content";
    }

    @Override
    public InputStream open(GraphReader graph, JsonNode item) throws IOException {
        String path = itemPath(Json.text(item, "id"));
        String url = issued(graph, path, item);
        return new FileDownload(graph, path, url != null ? url : contentPath(item), () -> {
            String fresh = issued(graph, path, graph.get(path));
            return fresh != null ? fresh : path + "/content";
        }, quickXorHash(item), size(item));
    }

    /** The item's download URL, made known to the reader as this drive's, so it is throttled per drive. */
    private static String issued(GraphReader graph, String path, JsonNode item) {
        String url = downloadUrl(item);
        if (url != null) {
            graph.issued(url, path);
        }
        return url;
    }

    @Override
    public String unreadable(JsonNode item) {
        return item.has("malware") ? "malware detected: Graph does not serve this file's content" : null;
    }

    /** The item without its download URL, which is a credential valid for minutes and differs on every read. */
    @Override
    public JsonNode metadata(JsonNode item) {
        if (!item.has(DOWNLOAD_URL)) {
            return item;
        }
        ObjectNode copy = ((ObjectNode) item).deepCopy();
        copy.remove(DOWNLOAD_URL);
        return copy;
    }

    @Override
    public String itemPath(String id) {
        return "drives/" + Json.seg(driveId) + "/items/" + Json.seg(id);
    }

    static String downloadUrl(JsonNode item) {
        return Json.text(item, DOWNLOAD_URL);
    }

    static String quickXorHash(JsonNode item) {
        return Json.text(item.path("file").path("hashes"), "quickXorHash");
    }

    static long size(JsonNode item) {
        return item.path("size").asLong(0);
    }
}
