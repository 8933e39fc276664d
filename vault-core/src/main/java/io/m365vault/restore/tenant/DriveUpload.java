package io.m365vault.restore.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.kiota.HttpMethod;
import io.m365vault.backup.Json;
import io.m365vault.graph.GraphRequests;
import io.m365vault.repo.ContentReader;
import io.m365vault.repo.ContentRef;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * One file written into a drive folder as a new item, never over one there
 * ({@code conflictBehavior=rename}: "x 1.docx" beside "x.docx"), keeping its
 * {@code fileSystemInfo} times. Up to {@link #SIMPLE} bytes by one {@code PUT .../content} and a
 * PATCH of the times (Graph takes no times with the content); above, by an upload session whose
 * item carries the times, in slices of {@link #SLICE} read from the repository one at a time, so a
 * file is never whole in memory. A failure leaves nothing: the session is cancelled (Graph makes
 * the item only with the last slice), the item of a simple upload whose PATCH failed is removed.
 */
final class DriveUpload {
    /** Graph's limit of a simple upload (DESIGN §4). */
    static final long SIMPLE = 4L * 1024 * 1024;
    /** Slices must be a multiple of 320 KiB and under 60 MiB; 10 of those bound the memory per upload in flight. */
    static final int SLICE = 10 * 320 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GraphRequests graph;
    private final ContentReader reader;

    DriveUpload(GraphRequests graph, ContentReader reader) {
        this.graph = graph;
        this.reader = reader;
    }

    /**
     * A new item in a folder, beside any of its name.
     *
     * @param parent the target folder's id, null for the drive's root
     * @param times  the backed-up {@code fileSystemInfo} (createdDateTime, lastModifiedDateTime), or null
     * @return the created item as Graph answered it
     */
    JsonNode upload(String driveId, String parent, String name, ContentRef content, long size, JsonNode times) throws IOException {
        String at = "/drives/" + Json.seg(driveId) + "/items/" + (parent == null ? "root" : Json.seg(parent)) + ":/" + Json.seg(name) + ":";
        return write(driveId, at, "rename", name, content, size, times);
    }

    /** New content of an item this restore made: its next version (an older version restored before the newer). */
    JsonNode version(String driveId, String itemId, ContentRef content, long size, JsonNode times) throws IOException {
        return write(driveId, "/drives/" + Json.seg(driveId) + "/items/" + Json.seg(itemId), "replace", null, content, size, times);
    }

    /** @param at the item's address, by parent and name or by id; {@code name} null when it is by id */
    private JsonNode write(String driveId, String at, String conflict, String name, ContentRef content, long size, JsonNode times)
            throws IOException {
        ObjectNode fsi = fileSystemInfo(times);
        if (size <= SIMPLE) {
            byte[] bytes = size == 0 ? new byte[0] : reader.readAll(content);
            JsonNode made = graph.send(HttpMethod.PUT, at + "/content?@microsoft.graph.conflictBehavior=" + conflict, bytes, "application/octet-stream");
            if (fsi.isEmpty()) {
                return made;
            }
            String item = "/drives/" + Json.seg(driveId) + "/items/" + Json.seg(made.path("id").asText());
            try {
                return graph.patchJson(item, JSON.createObjectNode().set("fileSystemInfo", fsi));
            } catch (IOException | RuntimeException e) {
                throw name == null ? asIs(e) : PartialItem.removed(graph, item, e);
            }
        }
        ObjectNode item = JSON.createObjectNode().put("@microsoft.graph.conflictBehavior", conflict).put("fileSize", size);
        if (name != null) {
            item.put("name", name);
        }
        if (!fsi.isEmpty()) {
            item.set("fileSystemInfo", fsi);
        }
        JsonNode session = graph.postJson(at + "/createUploadSession", JSON.createObjectNode().set("item", item));
        String url = session.path("uploadUrl").asText(null);
        if (url == null) {
            throw new IOException("createUploadSession answered without an uploadUrl: " + session);
        }
        try {
            return slices(url, content, size);
        } catch (IOException | RuntimeException e) {
            throw cancelled(url, e);
        }
    }

    /** A later version's failure, which its caller answers by removing the whole item. */
    private static IOException asIs(Exception e) {
        return e instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }

    private JsonNode slices(String url, ContentRef content, long size) throws IOException {
        try (InputStream in = reader.open(content)) {
            JsonNode answer = null;
            for (long sent = 0; sent < size; ) {
                byte[] slice = in.readNBytes((int) Math.min(SLICE, size - sent));
                if (slice.length == 0) {
                    throw new IOException("the repository holds " + sent + " bytes of the file, not the " + size + " backed up");
                }
                String range = "bytes " + sent + "-" + (sent + slice.length - 1) + "/" + size;
                answer = graph.send(HttpMethod.PUT, url, slice, "application/octet-stream", Map.of("Content-Range", range));
                sent += slice.length;
            }
            if (answer == null || !answer.hasNonNull("id")) {
                throw new IOException("the upload session ended without the item: " + answer);
            }
            return answer;
        }
    }

    /** The session cancelled (DELETE of its URL), as the item is made only with the last slice. */
    private IOException cancelled(String url, Exception cause) {
        return PartialItem.undone(cause, () -> graph.send(HttpMethod.DELETE, url, null, null), "its upload session was cancelled",
                "its upload session could not be cancelled, Graph drops it when it expires");
    }

    /** Only the two times a client may set; Graph refuses the rest of what the backup holds there. */
    private static ObjectNode fileSystemInfo(JsonNode times) {
        ObjectNode fsi = JSON.createObjectNode();
        for (String t : new String[] {"createdDateTime", "lastModifiedDateTime"}) {
            String v = times == null ? null : Json.text(times, t);
            if (v != null) {
                fsi.put(t, v);
            }
        }
        return fsi;
    }
}
