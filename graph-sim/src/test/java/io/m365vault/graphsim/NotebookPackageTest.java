package io.m365vault.graphsim;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.graphsim.http.Json;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OneNote notebooks as Graph shows them: package items whose parts are files under them; a fault makes one never download. */
class NotebookPackageTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private List<JsonNode> delta(String url) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String link = url; !link.isEmpty(); ) {
            JsonNode page = Json.MAPPER.readTree(get(link).body());
            page.get("value").forEach(out::add);
            link = page.path("@odata.nextLink").asText();
        }
        return out;
    }

    @Test
    void aNotebookIsAPackageOfFilesAndAnUnavailableOneAnswers503ForEver() throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(9).users(6).filesPerDrive(4).set("notebooks-per-drive", "1").build().start()) {
            String user = sim.tenant().directory().user(0).id;
            String drive = sim.tenant().userDriveId(user);
            List<JsonNode> items = delta(sim.baseUrl() + "/drives/" + drive + "/items/root/delta()");
            List<JsonNode> packages = items.stream().filter(i -> i.has("package")).toList();
            assertEquals(1, packages.size(), items.toString());
            JsonNode book = packages.get(0);
            assertEquals("oneNote", book.path("package").path("type").asText());
            assertFalse(book.has("folder") || book.has("file"), "a package is neither folder nor file to Graph: " + book);
            String bookId = book.get("id").asText();
            List<JsonNode> parts = items.stream().filter(i -> bookId.equals(i.path("parentReference").path("id").asText())).toList();
            assertEquals(List.of("Open Notebook.onetoc2", "Quick Notes.one", "Meetings.one"), parts.stream().map(p -> p.get("name").asText()).toList());
            for (JsonNode p : parts) {
                assertEquals("application/msonenote", p.path("file").path("mimeType").asText());
                assertEquals(200, get(p.get("@microsoft.graph.downloadUrl").asText()).statusCode());
            }
            long bookSize = parts.stream().mapToLong(p -> p.get("size").asLong()).sum();
            assertEquals(bookSize, book.get("size").asLong(), "its size is its parts'");
            String bookPath = sim.snapshot(user).path("files").findValuesAsText("path").stream()
                    .filter(x -> x.endsWith("/Quick Notes.one")).findFirst().orElseThrow();
            assertTrue(bookPath.endsWith(book.get("name").asText() + "/Quick Notes.one"), bookPath);

            sim.faults(Json.obj().set("unavailableItems", Json.arr().add(bookId)));
            for (int attempt = 0; attempt < 3; attempt++) {
                for (JsonNode p : parts) {
                    HttpResponse<byte[]> r = get(p.get("@microsoft.graph.downloadUrl").asText());
                    assertEquals(503, r.statusCode(), "every part, every time");
                    assertTrue(r.headers().firstValue("Retry-After").isPresent());
                    assertEquals(503, get(sim.baseUrl() + "/drives/" + drive + "/items/" + p.get("id").asText() + "/content").statusCode());
                }
            }
            JsonNode other = items.stream().filter(i -> i.has("file") && !bookId.equals(i.path("parentReference").path("id").asText())
                    && i.get("size").asLong() > 0).findFirst().orElseThrow();
            assertEquals(200, get(other.get("@microsoft.graph.downloadUrl").asText()).statusCode(), "other files download");
        }
    }
}
