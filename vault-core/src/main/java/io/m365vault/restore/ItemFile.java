package io.m365vault.restore;

import io.m365vault.repo.ContentReader;
import io.m365vault.repo.ContentRef;
import io.m365vault.repo.RepositoryException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** One item's stored content streamed into a file of its own, byte for byte, or reported when it cannot be read. */
final class ItemFile {
    private ItemFile() {
    }

    /** True when the file was written; when the content cannot be read no file is left and the item is named as failed. */
    static boolean write(ContentReader reader, ExportTarget target, ExportLedger ledger,
                         List<String> segments, String kind, String itemId, ContentRef content) throws IOException {
        FileSink sink = target.file(segments, kind);
        try (InputStream in = reader.open(content)) {
            in.transferTo(sink.stream());
            ledger.file(sink.finish(List.of(itemId)));
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
