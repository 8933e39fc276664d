package io.m365vault.restore;

import io.m365vault.repo.ContentReader;
import io.m365vault.repo.ContentRef;
import io.m365vault.repo.RepositoryException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One item's stored content streamed into a file of its own, byte for byte, or reported when it cannot be read. */
final class ItemFile {
    private ItemFile() {
    }

    /** True when the file was written; when the content cannot be read no file is left and the item is named as failed. */
    static boolean write(ContentReader reader, ExportTarget target, ExportLedger ledger,
                         List<String> segments, String kind, String itemId, ContentRef content) throws IOException {
        return write(reader, target.file(segments, kind), ledger, kind, itemId, content, Map.of(), null);
    }

    /** As above into {@code sink}, with Graph facts for the manifest and the file's modified time (null: now). */
    static boolean write(ContentReader reader, FileSink sink, ExportLedger ledger, String kind, String itemId, ContentRef content,
                         Map<String, String> graph, Instant modified) throws IOException {
        try (InputStream in = reader.open(content)) {
            in.transferTo(sink.stream());
            ExportedFile written = sink.finish(List.of(itemId), graph);
            if (modified != null) {
                sink.modified(modified);
            }
            ledger.file(written);
            ledger.exported(kind);
            return true;
        } catch (RepositoryException e) {
            sink.abort();
            ledger.failed(itemId, kind, e);
            ledger.skipped();
            return false;
        }
    }
}
