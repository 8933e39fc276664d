package io.m365vault.restore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * manifest.json: which protected item at which point in time, the mail format, every file with the
 * ids of the items in it, its size and SHA-256 (a drive's files also their drive id and
 * quickXorHash), and every item that failed. It is written last, so
 * a directory with a manifest holds a finished export.
 */
final class Manifest {
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Manifest() {
    }

    static void write(Path file, ExportResult r, MailFormat format, java.time.Instant exportedAt) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        root.put("protectedItem", r.item().toString());
        root.put("pointInTime", r.at().toString());
        root.put("exportedAt", exportedAt.toString());
        root.put("mailFormat", format.name().toLowerCase(java.util.Locale.ROOT));
        ObjectNode items = root.putObject("items");
        r.items().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> items.put(e.getKey(), e.getValue()));
        root.put("bytes", r.bytes());
        ArrayNode files = root.putArray("files");
        for (ExportedFile f : r.files()) {
            ObjectNode n = files.addObject();
            n.put("path", f.path());
            n.put("kind", f.kind());
            ArrayNode ids = n.putArray("itemIds");
            f.itemIds().forEach(ids::add);
            n.put("size", f.size());
            n.put("sha256", f.sha256());
            f.graph().forEach(n::put);
        }
        ArrayNode failures = root.putArray("failures");
        for (ExportFailure f : r.failures()) {
            failures.addObject().put("itemId", f.itemId()).put("kind", f.kind()).put("error", f.error());
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), root);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
