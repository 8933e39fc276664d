package io.m365vault.graphsim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.core.models.UploadResult;
import com.microsoft.graph.core.tasks.LargeFileUploadTask;
import com.microsoft.graph.drives.item.items.item.createuploadsession.CreateUploadSessionPostRequestBody;
import com.microsoft.graph.models.DriveItem;
import com.microsoft.graph.models.DriveItemUploadableProperties;
import com.microsoft.graph.models.FileSystemInfo;
import com.microsoft.graph.models.Folder;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The writes a files restore makes, through the typed SDK as Graph takes them: a folder create
 * renamed on conflict, an upload session whose item carries fileSystemInfo and conflictBehavior
 * rename (giving "name 1.ext"), a simple upload and a PATCH of fileSystemInfo, a cancelled
 * session, permanentDelete; each shown in the snapshot.
 */
class DriveRestoreWritesSdkTest {
    private static final OffsetDateTime CREATED = OffsetDateTime.parse("2021-03-04T05:06:07Z");
    private static final OffsetDateTime MODIFIED = OffsetDateTime.parse("2022-08-09T10:11:12Z");

    @Test
    void foldersUploadsAndTimesAsARestoreWritesThem() throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(21).users(8).filesPerDrive(5).build().start()) {
            GraphServiceClient graph = SdkClients.forSim(sim);
            String user = sim.tenant().directory().user(0).id;
            String drive = graph.users().byUserId(user).drive().get().getId();
            var items = graph.drives().byDriveId(drive).items();

            DriveItem first = items.byDriveItemId("root").children().post(folder("Restored"));
            DriveItem second = items.byDriveItemId("root").children().post(folder("Restored"));
            assertEquals("Restored", first.getName());
            assertEquals("Restored 1", second.getName(), "a create of a taken name renames");

            byte[] data = new byte[1_000_000];
            new Random(3).nextBytes(data);
            for (String expected : new String[] {"big.bin", "big 1.bin"}) {
                var body = new CreateUploadSessionPostRequestBody();
                var props = new DriveItemUploadableProperties();
                props.setName("big.bin");
                props.setFileSize((long) data.length);
                FileSystemInfo fsi = new FileSystemInfo();
                fsi.setCreatedDateTime(CREATED);
                fsi.setLastModifiedDateTime(MODIFIED);
                props.setFileSystemInfo(fsi);
                props.getAdditionalData().put("@microsoft.graph.conflictBehavior", "rename");
                body.setItem(props);
                var session = items.byDriveItemId(first.getId() + ":/big.bin:").createUploadSession().post(body);
                UploadResult<DriveItem> done = new LargeFileUploadTask<>(graph.getRequestAdapter(), session, new ByteArrayInputStream(data),
                        data.length, 320 * 1024, DriveItem::createFromDiscriminatorValue).upload();
                assertTrue(done.isUploadSuccessful());
                assertEquals(expected, done.itemResponse.getName());
                assertEquals(MODIFIED.toInstant(), done.itemResponse.getFileSystemInfo().getLastModifiedDateTime().toInstant());
            }
            JsonNode big = file(sim, user, "/Restored/big 1.bin");
            assertEquals(CREATED.toInstant().toString(), big.get("createdDateTime").asText(), "the snapshot shows the times set");
            assertEquals(MODIFIED.toInstant().toString(), big.get("lastModifiedDateTime").asText());
            assertEquals(data.length, big.get("size").asLong());

            DriveItem small = items.byDriveItemId(first.getId() + ":/note.txt:").content().put(new ByteArrayInputStream("hi".getBytes()));
            DriveItem times = new DriveItem();
            FileSystemInfo fsi = new FileSystemInfo();
            fsi.setCreatedDateTime(CREATED);
            fsi.setLastModifiedDateTime(MODIFIED);
            times.setFileSystemInfo(fsi);
            DriveItem patched = items.byDriveItemId(small.getId()).patch(times);
            assertEquals(MODIFIED.toInstant(), patched.getFileSystemInfo().getLastModifiedDateTime().toInstant());
            assertEquals("note.txt", patched.getName(), "a PATCH of times alone neither moves nor renames");
            assertEquals(MODIFIED.toInstant().toString(), file(sim, user, "/Restored/note.txt").get("lastModifiedDateTime").asText());
            try (InputStream in = items.byDriveItemId(small.getId()).content().get()) {
                assertArrayEquals("hi".getBytes(), in.readAllBytes());
            }

            var body = new CreateUploadSessionPostRequestBody();
            body.setItem(new DriveItemUploadableProperties());
            var session = items.byDriveItemId(first.getId() + ":/cut.bin:").createUploadSession().post(body);
            HttpClient http = HttpClient.newHttpClient();
            assertEquals(204, http.send(HttpRequest.newBuilder(URI.create(session.getUploadUrl())).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), "a session cancelled");
            assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(session.getUploadUrl())).header("Content-Range", "bytes 0-1/2")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[2])).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(null, file(sim, user, "/Restored/cut.bin"), "and nothing of it made");

            items.byDriveItemId(small.getId()).permanentDelete().post();
            assertEquals(null, file(sim, user, "/Restored/note.txt"), "permanentDelete removes the item");
            assertFalse(file(sim, user, "/Restored/big.bin") == null, "and nothing else");
        }
    }

    /** A new one each time: the SDK's backing store sends only what changed since an object was last sent. */
    private static DriveItem folder(String name) {
        DriveItem folder = new DriveItem();
        folder.setName(name);
        folder.setFolder(new Folder());
        folder.getAdditionalData().put("@microsoft.graph.conflictBehavior", "rename");
        return folder;
    }

    private static JsonNode file(GraphSim sim, String user, String path) {
        for (JsonNode f : sim.snapshot(user).path("files")) {
            if (f.get("path").asText().equals(path)) {
                return f;
            }
        }
        return null;
    }
}
