package io.m365vault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.m365vault.backup.ItemKind;
import io.m365vault.repo.CatalogEntry;
import io.m365vault.repo.ContentReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A site's lists to {@code lists/<list>/}: {@code schema.json} (the list as Graph gives it, with
 * its columns and content types), {@code items.json} (every item, every field typed, person and
 * lookup columns with their display values, see {@link ListItemsJson}) and {@code items.csv}
 * (the same fields, one row per item, see {@link ItemsCsv}). Items are in SharePoint's id order.
 * An item's attachments go to {@code attachments/<item id>/<file name>} beside them, byte for byte.
 */
final class ListsExport {
    static final String DIR = "lists";
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ContentReader reader;
    private final ExportTarget target;
    private final ExportLedger ledger;

    ListsExport(ContentReader reader, ExportTarget target, ExportLedger ledger) {
        this.reader = reader;
        this.target = target;
        this.ledger = ledger;
    }

    void export(List<CatalogEntry> lists, List<CatalogEntry> items, List<CatalogEntry> attachments) throws IOException {
        Map<String, List<CatalogEntry>> filesOf = new HashMap<>();
        attachments.forEach(a -> filesOf.computeIfAbsent(a.parent(), k -> new ArrayList<>()).add(a));
        Map<String, List<JsonNode>> byList = new HashMap<>();
        Map<String, List<String>> ids = new HashMap<>();
        List<CatalogEntry> ordered = new ArrayList<>(items);
        ordered.sort(Comparator.comparing((CatalogEntry e) -> e.itemId().length()).thenComparing(CatalogEntry::itemId));
        for (CatalogEntry e : ordered) {
            byList.computeIfAbsent(e.parent(), k -> new ArrayList<>()).add(GraphJson.of(e));
            ids.computeIfAbsent(e.parent(), k -> new ArrayList<>()).add(e.itemId());
        }
        Map<String, JsonNode> schemas = new HashMap<>();
        LookupValues lookups = new LookupValues();
        for (CatalogEntry l : lists) {
            JsonNode schema = GraphJson.of(l);
            schemas.put(l.itemId(), schema);
            lookups.add(schema, byList.getOrDefault(l.itemId(), List.of()));
        }
        SafeNames.Siblings dirs = new SafeNames.Siblings();
        List<CatalogEntry> sorted = new ArrayList<>(lists);
        sorted.sort(Comparator.comparing((CatalogEntry l) -> String.valueOf(GraphJson.text(schemas.get(l.itemId()), "displayName")))
                .thenComparing(CatalogEntry::itemId));
        for (CatalogEntry l : sorted) {
            JsonNode schema = schemas.get(l.itemId());
            String dir = dirs.claim(SafeNames.segment(GraphJson.text(schema, "displayName"), "list"), "", l.itemId());
            ListItemsJson typed = new ListItemsJson(schema, lookups);
            List<JsonNode> rows = new ArrayList<>();
            for (JsonNode i : byList.getOrDefault(l.itemId(), List.of())) {
                rows.add(typed.item(i));
            }
            List<String> itemIds = ids.getOrDefault(l.itemId(), List.of());
            write(List.of(DIR, dir, "schema.json"), List.of(l.itemId()), out -> PRETTY.writeValue(out, schema));
            ArrayNode array = PRETTY.createArrayNode().addAll(rows);
            write(List.of(DIR, dir, "items.json"), itemIds, out -> PRETTY.writeValue(out, array));
            write(List.of(DIR, dir, "items.csv"), itemIds, out -> ItemsCsv.write(out, schema, rows));
            ledger.exported(ItemKind.LIST);
            rows.forEach(r -> ledger.exported(ItemKind.LIST_ITEM));
            for (String item : itemIds) {
                files(dir, item, filesOf.getOrDefault(item, List.of()));
            }
        }
    }

    /** One item's attachments, in name order; a file whose content cannot be read is named as failed, the others written. */
    private void files(String listDir, String item, List<CatalogEntry> files) throws IOException {
        List<CatalogEntry> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(CatalogEntry::itemId));
        SafeNames.Siblings names = new SafeNames.Siblings();
        String itemDir = SafeNames.segment(item.substring(item.indexOf(':') + 1), "item");
        for (CatalogEntry f : sorted) {
            String name = names.claim(SafeNames.segment(GraphJson.text(GraphJson.of(f), "FileName"), "attachment"), "", f.itemId());
            ItemFile.write(reader, target, ledger, List.of(DIR, listDir, "attachments", itemDir, name), ItemKind.LIST_ATTACHMENT, f.itemId(), f.content());
        }
    }

    /** What writes one file's bytes. */
    @FunctionalInterface
    private interface Body {
        void write(java.io.OutputStream out) throws IOException;
    }

    private void write(List<String> path, List<String> itemIds, Body body) throws IOException {
        try (FileSink sink = target.file(path, ItemKind.LIST)) {
            // Jackson closes what it writes to unless told otherwise: the sink closes its own stream.
            body.write(new java.io.FilterOutputStream(sink.stream()) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            });
            ledger.file(sink.finish(itemIds));
        }
    }
}
