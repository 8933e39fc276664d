package io.m365vault.graphsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.drives.item.items.item.delta.DeltaGetResponse;
import com.microsoft.graph.models.Drive;
import com.microsoft.graph.models.DriveItem;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.m365vault.graphsim.http.Json;
import io.m365vault.graphsim.model.Hashes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DriveSdkTest {
    static GraphSim sim;
    static GraphServiceClient graph;
    static String user;
    static String driveId;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        sim = GraphSim.builder().seed(11).users(8).filesPerDrive(12).build().start();
        graph = SdkClients.forSim(sim);
        user = sim.tenant().directory().user(7).id;
        driveId = graph.users().byUserId(user).drive().get().getId();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    /** A drive no other test writes to. */
    static String quietDrive() {
        return sim.tenant().userDriveId(sim.tenant().directory().user(6).id);
    }

    static List<DriveItem> round(String link, List<String> deltaLinks) {
        var builder = graph.drives().byDriveId(quietDrive()).items().byDriveItemId("root").delta();
        DeltaGetResponse page = link == null ? builder.get(rc -> rc.headers.add("Prefer", "odata.maxpagesize=5"))
                : builder.withUrl(link).get();
        List<DriveItem> all = new ArrayList<>();
        while (true) {
            all.addAll(page.getValue());
            if (page.getOdataNextLink() == null) {
                deltaLinks.add(page.getOdataDeltaLink());
                return all;
            }
            page = builder.withUrl(page.getOdataNextLink()).get(rc -> rc.headers.add("Prefer", "odata.maxpagesize=5"));
        }
    }

    @Test
    void deltaEnumeratesThenReportsDeletesWithTheDeletedFacet() {
        List<String> links = new ArrayList<>();
        List<DriveItem> first = round(null, links);
        assertEquals(1 + 5 + 12, first.size());
        assertNotNull(first.get(0).getRoot(), "the root comes first");
        Map<String, DriveItem> byId = new HashMap<>();
        first.forEach(i -> byId.put(i.getId(), i));
        for (DriveItem i : first) {
            if (i.getRoot() == null) {
                assertTrue(byId.containsKey(i.getParentReference().getId()), "parents come before children");
            }
            if (i.getFile() != null) {
                assertNotNull(i.getAdditionalData().get("@microsoft.graph.downloadUrl"));
            }
        }
        assertTrue(round(links.get(0), links).isEmpty());
        JsonNode result = mutateOne(quietDrive());
        List<DriveItem> changes = round(links.get(1), links);
        long deleted = changes.stream().filter(i -> i.getDeleted() != null).count();
        assertEquals(result.path("files").path("deleted").asInt(), deleted);
        assertTrue(changes.size() > deleted);

        sim.expireDeltaTokens();
        ODataError gone = assertThrows(ODataError.class, () -> round(links.get(2), links));
        assertEquals(410, gone.getResponseStatusCode());
        assertEquals("resyncRequired", gone.getError().getCode());
        assertEquals("resyncChangesApplyDifferences", gone.getError().getInnerError().getAdditionalData().get("code"));
    }

    static JsonNode mutateOne(String drive) {
        var counts = new io.m365vault.graphsim.control.MutationCounts();
        new io.m365vault.graphsim.drive.DriveMutator(sim.tenant()).mutate(drive, new java.util.SplittableRandom(3), 0.5, counts);
        return Json.obj().set("files", counts.json());
    }

    @Test
    void contentRedirectsToAnExpiringPreAuthenticatedUrlWithRanges() throws Exception {
        JsonNode files = sim.snapshot(user).path("files");
        JsonNode biggest = null;
        for (JsonNode f : files) {
            if (biggest == null || f.path("size").asLong() > biggest.path("size").asLong()) {
                biggest = f;
            }
        }
        String itemId = biggest.path("id").asText();
        byte[] bytes;
        try (InputStream in = graph.drives().byDriveId(driveId).items().byDriveItemId(itemId).content().get()) {
            bytes = in.readAllBytes();
        }
        assertEquals(biggest.path("size").asLong(), bytes.length);
        assertEquals(biggest.path("sha256").asText(), Hashes.sha256(bytes));

        HttpResponse<Void> redirect = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/drives/" + driveId + "/items/" + itemId + "/content")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(302, redirect.statusCode());
        String url = redirect.headers().firstValue("Location").orElseThrow();
        assertTrue(!url.startsWith(sim.baseUrl()), "served from the second port");
        HttpResponse<byte[]> part = http.send(HttpRequest.newBuilder(URI.create(url)).header("Range", "bytes=100-199").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, part.statusCode());
        assertArrayEquals(Arrays.copyOfRange(bytes, 100, 200), part.body());

        sim.faults(Json.obj().put("downloadUrlTtlSeconds", 0));
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/drives/" + driveId + "/items/" + itemId + "/content")).build(),
                    HttpResponse.BodyHandlers.discarding());
            Thread.sleep(5);
            HttpResponse<String> expired = http.send(HttpRequest.newBuilder(URI.create(r.headers().firstValue("Location").orElseThrow())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, expired.statusCode());
        } finally {
            sim.faults(Json.obj().put("downloadUrlTtlSeconds", 300));
        }
    }

    @Test
    void usersWithoutOneDriveAndGroupDrives() {
        ODataError e = assertThrows(ODataError.class, () -> graph.users().byUserId(sim.tenant().directory().user(5).id).drive().get());
        assertEquals(404, e.getResponseStatusCode());
        String team = sim.tenant().directory().groups().get(0).id;
        Drive d = graph.groups().byGroupId(team).drive().get();
        assertEquals("documentLibrary", d.getDriveType());
        assertTrue(graph.drives().byDriveId(d.getId()).items().byDriveItemId("root").children().get().getValue().size() > 0);
    }

    @Test
    void simpleUploadRenamesOnConflictAndVersionsList() throws Exception {
        byte[] data = "hello, restore".getBytes();
        DriveItem a = graph.drives().byDriveId(driveId).items().byDriveItemId("root:/Restored/note.txt:").content().put(new ByteArrayInputStream(data));
        assertEquals("note.txt", a.getName());
        HttpResponse<String> renamed = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/drives/" + driveId
                        + "/root:/Restored/note.txt:/content?@microsoft.graph.conflictBehavior=rename"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(data)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, renamed.statusCode());
        assertEquals("note 1.txt", Json.MAPPER.readTree(renamed.body()).path("name").asText());
        var versions = graph.drives().byDriveId(driveId).items().byDriveItemId(a.getId()).versions().get().getValue();
        assertEquals(1, versions.size());
        try (InputStream in = graph.drives().byDriveId(driveId).items().byDriveItemId(a.getId()).content().get()) {
            assertArrayEquals(data, in.readAllBytes());
        }
    }

    @Test
    void uploadSessionsEnforceTheSliceRule() throws Exception {
        var body = new com.microsoft.graph.drives.item.items.item.createuploadsession.CreateUploadSessionPostRequestBody();
        var props = new com.microsoft.graph.models.DriveItemUploadableProperties();
        props.getAdditionalData().put("@microsoft.graph.conflictBehavior", "rename");
        body.setItem(props);
        var session = graph.drives().byDriveId(driveId).items().byDriveItemId("root:/big.bin:").createUploadSession().post(body);
        byte[] data = new byte[1_000_000];
        new java.util.Random(1).nextBytes(data);
        int slice = 320 * 1024;
        HttpResponse<String> bad = put(session.getUploadUrl(), data, 0, 100_000);
        assertEquals(400, bad.statusCode());
        HttpResponse<String> r = null;
        for (int off = 0; off < data.length; off += slice) {
            r = put(session.getUploadUrl(), data, off, Math.min(slice, data.length - off));
            if (off + slice < data.length) {
                assertEquals(202, r.statusCode(), r.body());
                assertEquals((off + slice) + "-" + (data.length - 1), Json.MAPPER.readTree(r.body()).path("nextExpectedRanges").get(0).asText());
            }
        }
        assertEquals(201, r.statusCode(), r.body());
        String id = Json.MAPPER.readTree(r.body()).path("id").asText();
        try (InputStream in = graph.drives().byDriveId(driveId).items().byDriveItemId(id).content().get()) {
            assertArrayEquals(data, in.readAllBytes());
        }
    }

    private HttpResponse<String> put(String url, byte[] data, int off, int len) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Range", "bytes " + off + "-" + (off + len - 1) + "/" + data.length)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(data, off, len)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
