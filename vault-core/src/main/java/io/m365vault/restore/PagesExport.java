package io.m365vault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.ItemKind;
import io.m365vault.repo.CatalogEntry;
import io.m365vault.repo.ContentReader;
import io.m365vault.repo.RepositoryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Site pages to {@code pages/<page>/}: {@code page.json}, Graph's sitePage with its canvasLayout
 * byte for byte as backed up, and {@code page.html}, a readable rendering ({@link PageHtml}). A
 * page whose content cannot be read leaves no directory and is reported.
 */
final class PagesExport {
    static final String DIR = "pages";

    private final ContentReader reader;
    private final ExportTarget target;
    private final ExportLedger ledger;

    PagesExport(ContentReader reader, ExportTarget target, ExportLedger ledger) {
        this.reader = reader;
        this.target = target;
        this.ledger = ledger;
    }

    void export(List<CatalogEntry> pages) throws IOException {
        SafeNames.Siblings dirs = new SafeNames.Siblings();
        List<CatalogEntry> sorted = new ArrayList<>(pages);
        sorted.sort(Comparator.comparing(PagesExport::name).thenComparing(CatalogEntry::itemId));
        for (CatalogEntry p : sorted) {
            byte[] json;
            JsonNode page;
            try {
                json = reader.readAll(p.content());
                page = GraphJson.read(json);
            } catch (RepositoryException | ExportException e) {
                ledger.failed(p.itemId(), ItemKind.SITE_PAGE, e);
                ledger.skipped();
                continue;
            }
            String dir = dirs.claim(SafeNames.segment(name(p), "page"), "", p.itemId());
            write(List.of(DIR, dir, "page.json"), p.itemId(), json);
            write(List.of(DIR, dir, "page.html"), p.itemId(), PageHtml.render(page).getBytes(StandardCharsets.UTF_8));
            ledger.exported(ItemKind.SITE_PAGE);
        }
    }

    /** The page's file name without {@code .aspx}. */
    private static String name(CatalogEntry p) {
        String name = String.valueOf(GraphJson.text(GraphJson.of(p), "name"));
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".aspx") ? name.substring(0, name.length() - 5) : name;
    }

    private void write(List<String> path, String id, byte[] bytes) throws IOException {
        try (FileSink sink = target.file(path, ItemKind.SITE_PAGE)) {
            sink.stream().write(bytes);
            ledger.file(sink.finish(List.of(id)));
        }
    }
}
