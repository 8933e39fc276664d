package io.m365vault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code items.csv}: RFC 4180 (CRLF line ends, fields quoted where they hold a comma, quote or line
 * break), UTF-8 with a byte order mark so that Excel reads it as UTF-8. A header row, then one row
 * per item: {@code id}, then one column per field of {@code items.json}, in the list's column order
 * (a person or lookup column's display value, then its id), then fields no column names. A cell is
 * the field's value as text: strings as they are, numbers and booleans as JSON writes them, a
 * multi-value field as its JSON array; an absent field is empty.
 */
final class ItemsCsv {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final CsvMapper CSV = new CsvMapper();

    private ItemsCsv() {
    }

    /** The header: {@code id} and every field the items have, in the order described above. */
    static List<String> header(JsonNode list, List<JsonNode> items) {
        Set<String> present = new LinkedHashSet<>();
        items.forEach(i -> i.path("fields").fieldNames().forEachRemaining(present::add));
        Set<String> out = new LinkedHashSet<>();
        out.add("id");
        for (JsonNode c : list.path("columns")) {
            String name = c.path("name").asText();
            for (String n : List.of(name, name + ListItemsJson.LOOKUP_ID)) {
                if (present.contains(n)) {
                    out.add(n);
                }
            }
        }
        out.addAll(present);
        return new ArrayList<>(out);
    }

    /** Closes {@code out} when done. */
    static void write(OutputStream out, JsonNode list, List<JsonNode> items) throws IOException {
        List<String> header = header(list, items);
        CsvSchema.Builder b = CsvSchema.builder();
        header.forEach(b::addColumn);
        CsvSchema schema = b.build().withHeader().withLineSeparator("\r\n");
        out.write(BOM);
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (SequenceWriter rows = CSV.writerFor(String[].class).with(schema).writeValues(w)) {
            for (JsonNode item : items) {
                String[] row = new String[header.size()];
                row[0] = item.path("id").asText();
                for (int k = 1; k < row.length; k++) {
                    row[k] = cell(item.path("fields").get(header.get(k)));
                }
                rows.write(row);
            }
        }
    }

    /** The text of a field's value, as described above. */
    static String cell(JsonNode v) {
        if (v == null || v.isNull()) {
            return "";
        }
        return v.isContainerNode() ? v.toString() : v.asText();
    }
}
