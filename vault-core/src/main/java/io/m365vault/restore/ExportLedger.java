package io.m365vault.restore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What one export has done so far: files written, items per kind, failures; feeds the progress callback. */
final class ExportLedger {
    private static final Logger LOG = LoggerFactory.getLogger(ExportLedger.class);

    private final ExportProgress progress;
    private final List<ExportedFile> files = new ArrayList<>();
    private final List<ExportFailure> failures = new ArrayList<>();
    private final Map<String, Integer> items = new TreeMap<>();
    private long itemsTotal;
    private long itemsDone;
    private long bytes;

    ExportLedger(ExportProgress progress) {
        this.progress = progress;
    }

    void expect(long n) {
        itemsTotal += n;
    }

    void file(ExportedFile f) {
        files.add(f);
        bytes += f.size();
    }

    /** One item of {@code kind} is in the export. */
    void exported(String kind) {
        items.merge(kind, 1, Integer::sum);
        step();
    }

    /** One item could not be exported; it is named in the result and the manifest. */
    void failed(String itemId, String kind, Exception e) {
        String error = e.getMessage() == null ? e.toString() : e.getMessage();
        LOG.warn("export item failed itemId={} kind={} error={}", itemId, kind, error);
        failures.add(new ExportFailure(itemId, kind, error));
    }

    /** An item that failed counts as done for progress, not as exported. */
    void skipped() {
        step();
    }

    private void step() {
        itemsDone++;
        progress.update(itemsDone, itemsTotal, bytes);
    }

    List<ExportedFile> files() {
        return files;
    }

    List<ExportFailure> failures() {
        return failures;
    }

    Map<String, Integer> items() {
        return items;
    }

    long bytes() {
        return bytes;
    }
}
