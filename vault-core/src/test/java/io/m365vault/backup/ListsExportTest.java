package io.m365vault.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.repo.Repository;
import io.m365vault.restore.ExportOptions;
import io.m365vault.restore.ExportResult;
import io.m365vault.restore.ItemExporter;
import io.m365vault.testkit.AzuriteExtension;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site's lists and pages backed up, changed (items added, edited and deleted, a column added,
 * pages edited), backed up again, and exported at both points: each export holds the site as
 * graph-sim had it then, and each items.csv read back by another CSV parser is its items.json.
 */
@ExtendWith(AzuriteExtension.class)
class ListsExportTest {
    private static final Set<Workload> SITE = Set.of(Workload.LISTS, Workload.PAGES);
    @TempDir
    Path tmp;

    @Test
    void exportsAtBothTimesEqualTheSiteThenAndTheCsvIsTheJson(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(41).users(8).build().start();
             Repository repo = SimTenant.repo(account, tmp, "lx")) {
            ProtectedItem site = SimSites.site(sim, 1);
            ItemBackup backup = new ItemBackup(repo, SimTenant.reader(sim, 5), BackupOptions.DEFAULTS);
            Map<String, String> items1 = byListName(sim, site);
            Map<String, String> files1 = filesByListName(sim, site);
            Map<String, String> pages1 = SimSites.simPages(sim, site);
            Instant t1 = Instant.now();
            assertTrue(backup.run("r1", t1, site, SITE).ok());
            sim.mutate(8, 0.4, "listItems");
            sim.mutate(9, 0.7, "pages");
            Map<String, String> items2 = byListName(sim, site);
            Map<String, String> files2 = filesByListName(sim, site);
            Map<String, String> pages2 = SimSites.simPages(sim, site);
            Instant t2 = t1.plusSeconds(60);
            assertTrue(backup.run("r2", t2, site, SITE).ok());
            assertFalse(items1.equals(items2) || files1.equals(files2) || pages1.equals(pages2), "the site changed");

            ItemExporter exporter = new ItemExporter();
            ExportOptions options = ExportOptions.defaults().withWorkloads(SITE);
            for (Object[] at : new Object[][] {{t1, items1, pages1, files1}, {t2, items2, pages2, files2}}) {
                ExportResult r = exporter.export(repo, site, (Instant) at[0], tmp.resolve("x" + ((Instant) at[0]).toEpochMilli()), options);
                assertTrue(r.complete(), r.failures().toString());
                Path dir = r.directory();
                SimTenant.assertSame(castMap(at[1]), exportedItems(dir));
                SimTenant.assertSame(castMap(at[2]), exportedPages(dir));
                SimTenant.assertSame(castMap(at[3]), exportedFiles(dir));
                for (String list : List.of("Tasks", "Issues", "User Information List")) {
                    assertCsvIsJson(dir.resolve("lists").resolve(list));
                }
                assertFalse(Files.exists(dir.resolve("lists/Documents")) || Files.exists(dir.resolve("lists/TaxonomyHiddenList")));
                boolean hasCategory = Json.MAPPER.readTree(dir.resolve("lists/Issues/schema.json").toFile()).path("columns").toString().contains("\"Category\"");
                assertEquals(at[0] == t2, hasCategory, "the column added between the backups is in the later schema only");
                assertEquals("Issue", Json.MAPPER.readTree(dir.resolve("lists/Issues/schema.json").toFile()).path("contentTypes").get(0).path("name").asText());
                assertPersonsAndLookupsHaveTheirNames(sim, dir);
            }
            String html = Files.readString(tmp.resolve("x" + t2.toEpochMilli()).resolve("pages/Home/page.html"));
            assertTrue(html.contains("<h1>") && html.contains("Web part: Quick links") && html.contains("<h2>"), html);
            assertTrue(html.contains("href=\"" + sim.tenant().sites().sites().get(1).webUrl + "/SitePages/Home.aspx#more\""),
                    "a relative link is made absolute against the page: " + html);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> castMap(Object o) {
        return (Map<String, String>) o;
    }

    /** The sim's backed-up lists as "list name/item id" -> column values, keys sorted. */
    private static Map<String, String> byListName(GraphSim sim, ProtectedItem site) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode i : sim.snapshot(site.id()).path("lists")) {
            if (SimSites.backedUp(i)) {
                out.put(i.get("list").asText() + "/" + i.get("id").asText(), values((ObjectNode) i.get("fields")));
            }
        }
        return out;
    }

    /** The sim's list item attachments as "list name/item id/file name" -> SHA-256. */
    private static Map<String, String> filesByListName(GraphSim sim, ProtectedItem site) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode i : sim.snapshot(site.id()).path("lists")) {
            for (JsonNode a : i.path("attachments")) {
                out.put(i.get("list").asText() + "/" + i.get("id").asText() + "/" + a.get("name").asText(), a.get("sha256").asText());
            }
        }
        return out;
    }

    /** The same of an export's lists/<list>/attachments/<item id>/<file> files. */
    private static Map<String, String> exportedFiles(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (var files = Files.walk(dir.resolve("lists"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path rel = dir.resolve("lists").relativize(f);
                if (rel.getNameCount() == 4 && rel.getName(1).toString().equals("attachments")) {
                    out.put(rel.getName(0) + "/" + rel.getName(2) + "/" + rel.getName(3), SimTenant.sha256(Files.readAllBytes(f)));
                }
            }
        }
        return out;
    }

    /** The same of an export's items.json files, without the fields SharePoint sets and the display values the export adds. */
    private static Map<String, String> exportedItems(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (var lists = Files.list(dir.resolve("lists"))) {
            for (Path l : lists.toList()) {
                JsonNode schema = Json.MAPPER.readTree(l.resolve("schema.json").toFile());
                Set<String> shown = new java.util.HashSet<>();
                schema.path("columns").forEach(c -> {
                    if (c.has("personOrGroup") || c.has("lookup")) {
                        shown.add(c.get("name").asText());
                    }
                });
                for (JsonNode i : Json.MAPPER.readTree(l.resolve("items.json").toFile())) {
                    ObjectNode f = ((ObjectNode) i.get("fields")).deepCopy();
                    f.remove(SimSites.SERVER_FIELDS);
                    f.remove(shown);
                    out.put(l.getFileName() + "/" + i.get("id").asText(), values(f));
                }
            }
        }
        return out;
    }

    private static Map<String, String> exportedPages(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (var pages = Files.list(dir.resolve("pages"))) {
            for (Path p : pages.toList()) {
                JsonNode page = Json.MAPPER.readTree(p.resolve("page.json").toFile());
                out.put(page.get("id").asText(), page.get("title").asText() + "|" + SimTenant.sha256(Json.bytes(page.get("canvasLayout"))));
                assertTrue(Files.size(p.resolve("page.html")) > 0);
            }
        }
        return out;
    }

    private static String values(ObjectNode fields) {
        return new TreeMap<>(Json.MAPPER.convertValue(fields, Map.class)).toString();
    }

    /** items.csv read back by commons-csv: a BOM, a header, one row per item of items.json, each cell its field's text. */
    private static void assertCsvIsJson(Path list) throws Exception {
        byte[] bytes = Files.readAllBytes(list.resolve("items.csv"));
        assertTrue(bytes.length > 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF, "UTF-8 with a BOM");
        JsonNode items = Json.MAPPER.readTree(list.resolve("items.json").toFile());
        List<CSVRecord> rows;
        List<String> header;
        try (Reader r = new java.io.InputStreamReader(new java.io.ByteArrayInputStream(bytes, 3, bytes.length - 3), StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().get().parse(r)) {
            header = p.getHeaderNames();
            rows = p.getRecords();
        }
        assertTrue(new String(bytes, StandardCharsets.UTF_8).contains("\r\n"), "CRLF line ends");
        assertEquals(items.size(), rows.size(), list.toString());
        Set<String> fieldNames = new java.util.LinkedHashSet<>(List.of("id")); // the item's id, also a field of Graph's
        items.forEach(i -> i.get("fields").fieldNames().forEachRemaining(fieldNames::add));
        assertEquals("id", header.get(0));
        assertEquals(fieldNames, Set.copyOf(header), "one column per field");
        assertEquals(header.size(), Set.copyOf(header).size());
        for (int k = 0; k < rows.size(); k++) {
            JsonNode item = items.get(k);
            CSVRecord row = rows.get(k);
            assertEquals(item.get("id").asText(), row.get("id"));
            for (String h : header.subList(1, header.size())) {
                JsonNode v = item.get("fields").get(h);
                String expected = v == null || v.isNull() ? "" : v.isContainerNode() ? v.toString() : v.asText();
                assertEquals(expected, row.get(h), list.getFileName() + " item " + item.get("id").asText() + " field " + h);
                if (v != null && v.isTextual() && !v.asText().isEmpty()) {
                    continue;
                }
                if (v != null && (v.isNumber() || v.isBoolean())) {
                    assertEquals(v, Json.MAPPER.readTree(row.get(h)), "typed values read back as the same JSON value");
                }
            }
        }
    }

    /** Every AssignedTo is the name of the user its lookup id points at; every RelatedTask the title of its task when that task exists. */
    private static void assertPersonsAndLookupsHaveTheirNames(GraphSim sim, Path dir) throws Exception {
        Map<String, String> people = new HashMap<>();
        for (JsonNode p : Json.MAPPER.readTree(dir.resolve("lists/User Information List/items.json").toFile())) {
            people.put(p.get("id").asText(), p.get("fields").get("Title").asText());
        }
        Map<String, String> tasks = new HashMap<>();
        for (JsonNode t : Json.MAPPER.readTree(dir.resolve("lists/Tasks/items.json").toFile())) {
            tasks.put(t.get("id").asText(), t.get("fields").get("Title").asText());
        }
        List<String> checked = new ArrayList<>();
        for (JsonNode i : Json.MAPPER.readTree(dir.resolve("lists/Issues/items.json").toFile())) {
            JsonNode f = i.get("fields");
            String person = f.get("AssignedToLookupId").asText();
            assertNotNull(people.get(person), "the people list holds every person named");
            assertEquals(people.get(person), f.path("AssignedTo").asText(), i.toString());
            int user = Integer.parseInt(person) - 7;
            assertEquals(sim.tenant().directory().user(user).displayName, f.path("AssignedTo").asText());
            String task = f.get("RelatedTaskLookupId").asText();
            if (tasks.containsKey(task)) {
                assertEquals(tasks.get(task), f.get("RelatedTask").asText());
                checked.add(task);
            } else {
                assertFalse(f.has("RelatedTask"), "a lookup to an item gone keeps its id only");
            }
        }
        assertFalse(checked.isEmpty());
    }
}
