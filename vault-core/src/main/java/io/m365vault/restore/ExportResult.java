package io.m365vault.restore;

import io.m365vault.backup.ProtectedItem;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an export wrote: items exported per catalog kind (message, event, contact, ...), the files
 * with their sizes and hashes, total bytes, and every item that could not be exported.
 */
public record ExportResult(ProtectedItem item, Instant at, Path directory, Map<String, Integer> items,
                           List<ExportedFile> files, long bytes, List<ExportFailure> failures) {
    public ExportResult {
        items = Map.copyOf(items);
        files = List.copyOf(files);
        failures = List.copyOf(failures);
    }

    public int count(String kind) {
        return items.getOrDefault(kind, 0);
    }

    public boolean complete() {
        return failures.isEmpty();
    }
}
