package io.m365vault.restore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobClient;
import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.ItemKind;
import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import io.m365vault.repo.ChunkId;
import io.m365vault.repo.ChunkLocation;
import io.m365vault.repo.ContentRef;
import io.m365vault.repo.Pack;
import io.m365vault.testkit.AzuriteExtension;
import io.m365vault.testkit.AzuriteExtension.StorageAccount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(AzuriteExtension.class)
class ExportFailuresTest {
    static final Instant T = Instant.parse("2026-01-10T00:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void corruptChunkNamesTheItemAndTheRestIsExported(StorageAccount account) throws IOException {
        try (MailboxFixture box = new MailboxFixture(account, tmp)) {
            box.put(Workload.MAIL, ItemKind.MAIL_FOLDER, "inbox", "root", MailExportTest.folder("inbox", "Inbox", "root"), null, T);
            byte[] good = MailboxFixture.mime("good", "Fine", "all there\n");
            byte[] bad = MailboxFixture.mime("bad", "Doomed", "this one's chunk is flipped\n");
            box.put(Workload.MAIL, ItemKind.MESSAGE, "good", "inbox", MailExportTest.message("good", "Fine", "inbox", "2026-01-05T10:00:00Z"), good, T);
            ContentRef badRef = box.put(Workload.MAIL, ItemKind.MESSAGE, "bad", "inbox",
                    MailExportTest.message("bad", "Doomed", "inbox", "2026-01-06T10:00:00Z"), bad, T);
            box.commit();
            ChunkId victim = badRef.ids().get(0);
            ChunkLocation loc = box.repo.index().find(List.of(victim)).get(victim);
            BlobClient blob = io.m365vault.repo.StorageAccount.of(account.connectionString()).blobs()
                    .getBlobContainerClient(box.repo.name()).getBlobClient(Pack.blobName(loc.packId()));
            byte[] pack = blob.downloadContent().toBytes();
            pack[loc.entry().offset() + loc.entry().length() / 2] ^= 0x01;
            blob.upload(BinaryData.fromBytes(pack), true);

            for (MailFormat format : MailFormat.values()) {
                List<long[]> progress = new ArrayList<>();
                ExportResult r = new ItemExporter().export(box.repo, MailboxFixture.USER, T, tmp.resolve(format.name()),
                        MailExportTest.mailOnly().withMailFormat(format).withProgress((d, t, b) -> progress.add(new long[] {d, t, b})));
                assertEquals(1, r.failures().size(), r.failures().toString());
                ExportFailure f = r.failures().get(0);
                assertEquals("bad", f.itemId());
                assertTrue(f.error().contains(victim.toString()), f.error());
                assertEquals(1, r.count(ItemKind.MESSAGE));
                JsonNode manifest = MailExportTest.JSON.readTree(r.directory().resolve("manifest.json").toFile());
                assertEquals("bad", manifest.path("failures").path(0).path("itemId").asText());
                MailExportTest.assertManifestMatchesDisk(r);
                List<String> exported = new ArrayList<>();
                r.files().forEach(x -> exported.addAll(x.itemIds()));
                assertEquals(List.of("good"), exported);
                if (format == MailFormat.EML) {
                    assertArrayEquals(good, Files.readAllBytes(r.directory().resolve(r.files().get(0).path())));
                } else {
                    List<byte[]> messages = MboxReader.read(Files.readAllBytes(r.directory().resolve("mail/Inbox.mbox")));
                    assertEquals(1, messages.size());
                    assertArrayEquals(good, messages.get(0));
                }
                assertFalse(Files.exists(r.directory().resolve(".export-partial")));
                long[] last = progress.get(progress.size() - 1);
                assertEquals(last[1], last[0], "every item is accounted for in progress");
                assertEquals(3, last[1]);
            }
        }
    }

    @Test
    void nothingThereIsOneClearError(StorageAccount account) {
        try (MailboxFixture box = new MailboxFixture(account, tmp)) {
            box.put(Workload.MAIL, ItemKind.MAIL_FOLDER, "inbox", "root", MailExportTest.folder("inbox", "Inbox", "root"), null, T);
            box.commit();
            Path dir = tmp.resolve("none");
            ExportException unknown = assertThrows(ExportException.class, () -> new ItemExporter()
                    .export(box.repo, new ProtectedItem("user", "nobody"), T, dir, ExportOptions.defaults()));
            assertTrue(unknown.getMessage().contains("nothing of user:nobody"), unknown.getMessage());
            ExportException before = assertThrows(ExportException.class, () -> new ItemExporter()
                    .export(box.repo, MailboxFixture.USER, T.minusSeconds(1), dir, ExportOptions.defaults()));
            assertTrue(before.getMessage().contains("nothing of " + MailboxFixture.USER), before.getMessage());
            assertFalse(Files.exists(dir), "a failed export leaves no directory behind");
        }
    }

    @Test
    void exportsAreNeverMixed(StorageAccount account) throws IOException {
        try (MailboxFixture box = new MailboxFixture(account, tmp)) {
            box.put(Workload.MAIL, ItemKind.MAIL_FOLDER, "inbox", "root", MailExportTest.folder("inbox", "Inbox", "root"), null, T);
            byte[] m = MailboxFixture.mime("m", "Hello", "hi\n");
            box.put(Workload.MAIL, ItemKind.MESSAGE, "m", "inbox", MailExportTest.message("m", "Hello", "inbox", "2026-01-05T10:00:00Z"), m, T);
            box.commit();

            Path foreign = Files.createDirectories(tmp.resolve("foreign"));
            Files.writeString(foreign.resolve("thesis.docx"), "mine");
            ExportException notEmpty = assertThrows(ExportException.class, () -> new ItemExporter()
                    .export(box.repo, MailboxFixture.USER, T, foreign, ExportOptions.defaults()));
            assertTrue(notEmpty.getMessage().contains("not empty"), notEmpty.getMessage());
            ExportException notAnExport = assertThrows(ExportException.class, () -> new ItemExporter()
                    .export(box.repo, MailboxFixture.USER, T, foreign, ExportOptions.defaults().withOverwrite(true)));
            assertTrue(notAnExport.getMessage().contains("no earlier export"), notAnExport.getMessage());
            assertEquals("mine", Files.readString(foreign.resolve("thesis.docx")));

            Path dir = tmp.resolve("again");
            new ItemExporter().export(box.repo, MailboxFixture.USER, T, dir, ExportOptions.defaults());
            assertThrows(ExportException.class, () -> new ItemExporter()
                    .export(box.repo, MailboxFixture.USER, T, dir, ExportOptions.defaults()));
            Files.writeString(dir.resolve("stray.txt"), "left from before");
            ExportResult r = new ItemExporter().export(box.repo, MailboxFixture.USER, T, dir,
                    ExportOptions.defaults().withOverwrite(true).withMailFormat(MailFormat.MBOX));
            assertFalse(Files.exists(dir.resolve("stray.txt")));
            MailExportTest.assertManifestMatchesDisk(r);
            assertEquals(Map.of(ItemKind.MAIL_FOLDER, 1, ItemKind.MESSAGE, 1), r.items());
        }
    }
}
