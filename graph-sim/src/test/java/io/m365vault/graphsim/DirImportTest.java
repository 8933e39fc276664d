package io.m365vault.graphsim;

import com.microsoft.graph.models.MailFolder;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DirImportTest {
    @Test
    void mailDirFilesBecomeMessagesUnchangedAndDriveDirIsMirrored(@TempDir Path tmp) throws Exception {
        Path mail = Files.createDirectories(tmp.resolve("mail"));
        byte[] eml = ("From: \"Ann\" <ann@example.org>\r\nTo: bob@example.org\r\nSubject: Imported one\r\n"
                + "Date: Tue, 03 Jun 2025 10:00:00 +0000\r\nMessage-ID: <x1@example.org>\r\n"
                + "Content-Type: text/plain; charset=\"iso-8859-1\"\r\n\r\nGr\u00fc\u00dfe\r\n").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(mail.resolve("a.eml"), eml);
        Path drive = Files.createDirectories(tmp.resolve("drive/sub"));
        Files.writeString(drive.resolve("x.txt"), "x");
        Files.writeString(tmp.resolve("drive/y.txt"), "yy");
        try (GraphSim sim = GraphSim.builder().seed(1).users(6)
                .set("mail-dir", mail.toString()).set("drive-dir", tmp.resolve("drive").toString()).build().start()) {
            GraphServiceClient graph = SdkClients.forSim(sim);
            String user = sim.tenant().directory().user(0).id;
            MailFolder imported = graph.users().byUserId(user).mailFolders().get(rc -> rc.queryParameters.top = 50).getValue()
                    .stream().filter(f -> f.getDisplayName().equals("Imported")).findFirst().orElseThrow();
            var msgs = graph.users().byUserId(user).mailFolders().byMailFolderId(imported.getId()).messages().get().getValue();
            assertEquals(1, msgs.size());
            assertEquals("Imported one", msgs.get(0).getSubject());
            try (InputStream in = graph.users().byUserId(user).messages().byMessageId(msgs.get(0).getId()).content().get()) {
                assertArrayEquals(eml, in.readAllBytes());
            }
            var files = sim.snapshot(user).path("files");
            long mirrored = 0;
            for (var f : files) {
                if (f.path("path").asText().startsWith("/Imported/")) {
                    mirrored++;
                }
            }
            assertEquals(2, mirrored);
        }
    }
}
