package io.m365vault.backup.files;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.ItemKind;
import io.m365vault.backup.ItemShape;
import io.m365vault.backup.Json;
import io.m365vault.graph.GraphReader;
import java.io.IOException;
import java.io.InputStream;

/**
 * An earlier version of a file ({@code /items/{id}/versions}, newest first, the first being the
 * current one): immutable, so identified by file and version id and never fetched twice. Its
 * bytes come from {@code versions/{v}/content} (302 to a pre-authenticated URL); Graph gives no
 * hash of a version, so only its size is checked.
 */
final class FileVersionShape implements ItemShape {
    private final String driveId;
    private final String fileId;

    FileVersionShape(String driveId, String fileId) {
        this.driveId = driveId;
        this.fileId = fileId;
    }

    @Override
    public String kind() {
        return ItemKind.FILE_VERSION;
    }

    /** Version ids ("1.0", "2.0") repeat across files: the file's id makes them one item each. */
    @Override
    public String id(JsonNode item) {
        return fileId + "#" + Json.text(item, "id");
    }

    @Override
    public boolean removed(JsonNode item) {
        return false;
    }

    @Override
    public String version(JsonNode item) {
        return Json.fields(item, "id", "lastModifiedDateTime", "size");
    }

    @Override
    public String contentTag(JsonNode item) {
        return version(item);
    }

    @Override
    public String contentPath(JsonNode item) {
        return DriveItemShape.size(item) == 0 ? null
                : "drives/" + Json.seg(driveId) + "/items/" + Json.seg(fileId) + "/versions/" + Json.seg(Json.text(item, "id")) + "/content";
    }

    @Override
    public InputStream open(GraphReader graph, JsonNode item) throws IOException {
        String path = contentPath(item);
        return new FileDownload(graph, path, path, () -> path, null, DriveItemShape.size(item));
    }
}
