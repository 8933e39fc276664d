package io.m365vault.restore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Address;
import io.m365vault.backup.ItemKind;
import io.m365vault.backup.Workload;
import io.m365vault.testkit.AzuriteExtension;
import io.m365vault.testkit.AzuriteExtension.StorageAccount;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(AzuriteExtension.class)
class ContactsExportTest {
    static final Instant T1 = Instant.parse("2026-01-10T00:00:00Z");
    static final Instant T2 = Instant.parse("2026-02-10T00:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void vcfParsesBackWithPhotosAtEachPointInTime(StorageAccount account) throws IOException {
        byte[] photo = new byte[5000];
        new Random(3).nextBytes(photo);
        photo[0] = (byte) 0x89;
        photo[1] = 'P';
        photo[2] = 'N';
        photo[3] = 'G';
        try (MailboxFixture box = new MailboxFixture(account, tmp)) {
            box.put(Workload.CONTACTS, ItemKind.CONTACT_FOLDER, "cf-1", "root", folder("cf-1", "Contacts"), null, T1);
            box.put(Workload.CONTACTS, ItemKind.CONTACT_FOLDER, "cf-2", "root", folder("cf-2", "Suppliers"), null, T1);
            box.put(Workload.CONTACTS, ItemKind.CONTACT, "c-ana", "cf-1", ana("Ana").toString(), photo, T1);
            box.put(Workload.CONTACTS, ItemKind.CONTACT, "c-bo", "cf-2",
                    MailExportTest.JSON.createObjectNode().put("id", "c-bo").put("displayName", "Bo Supplies")
                            .put("companyName", "Bo AB").toString(), null, T1);
            box.commit();
            box.put(Workload.CONTACTS, ItemKind.CONTACT, "c-ana", "cf-1", ana("Ana-Maria").toString(), photo, T2);
            box.delete(Workload.CONTACTS, "c-bo", T2);
            box.commit();

            ExportOptions contactsOnly = ExportOptions.defaults().withWorkloads(Set.of(Workload.CONTACTS));
            ExportResult r1 = new ItemExporter().export(box.repo, MailboxFixture.USER, T1, tmp.resolve("t1"), contactsOnly);
            assertTrue(r1.complete(), r1.failures().toString());
            MailExportTest.assertManifestMatchesDisk(r1);
            List<VCard> mine = Ezvcard.parse(r1.directory().resolve("contacts/Contacts.vcf")).all();
            assertEquals(1, mine.size());
            VCard ana = mine.get(0);
            assertEquals("Ana Silva", ana.getFormattedName().getValue());
            assertEquals("Ana", ana.getStructuredName().getGiven());
            assertEquals("Silva", ana.getStructuredName().getFamily());
            assertEquals(List.of("ana@example.com", "ana.silva@home.example"), ana.getEmails().stream().map(e -> e.getValue()).toList());
            assertTrue(ana.getTelephoneNumbers().stream().anyMatch(t -> t.getText().equals("+46 8 123 456") && t.getTypes().contains(TelephoneType.WORK)));
            assertTrue(ana.getTelephoneNumbers().stream().anyMatch(t -> t.getText().equals("+46 70 555 0101") && t.getTypes().contains(TelephoneType.CELL)));
            Address work = ana.getAddresses().get(0);
            assertEquals("Storgatan 1", work.getStreetAddress());
            assertEquals("Stockholm", work.getLocality());
            assertEquals("Sweden", work.getCountry());
            assertEquals(List.of("Contoso", "Finance"), ana.getOrganization().getValues());
            assertEquals("CFO", ana.getTitles().get(0).getValue());
            assertEquals(LocalDate.of(1980, 5, 17), ana.getBirthday().getDate());
            assertEquals("Met at the 2025 summit.\nPrefers mornings.", ana.getNotes().get(0).getValue());
            assertEquals(1, ana.getPhotos().size());
            assertArrayEquals(photo, ana.getPhotos().get(0).getData());
            assertEquals("image/png", ana.getPhotos().get(0).getContentType().getMediaType());
            VCard bo = Ezvcard.parse(r1.directory().resolve("contacts/Suppliers.vcf")).first();
            assertEquals("Bo Supplies", bo.getFormattedName().getValue());
            assertTrue(bo.getPhotos().isEmpty());

            ExportResult r2 = new ItemExporter().export(box.repo, MailboxFixture.USER, T2, tmp.resolve("t2"), contactsOnly);
            assertEquals("Ana-Maria", Ezvcard.parse(r2.directory().resolve("contacts/Contacts.vcf")).first()
                    .getStructuredName().getGiven());
            assertNull(Ezvcard.parse(r2.directory().resolve("contacts/Suppliers.vcf")).first());
            assertEquals(1, r2.count(ItemKind.CONTACT));
        }
    }

    static String folder(String id, String name) {
        return MailExportTest.JSON.createObjectNode().put("id", id).put("displayName", name).put("parentFolderId", "root").toString();
    }

    /** Graph contact JSON as documented for the contact resource. */
    static ObjectNode ana(String given) {
        ObjectNode c = MailExportTest.JSON.createObjectNode().put("id", "c-ana").put("givenName", given).put("surname", "Silva")
                .put("displayName", given + " Silva").put("companyName", "Contoso").put("department", "Finance")
                .put("jobTitle", "CFO").put("birthday", "1980-05-17T00:00:00Z").put("mobilePhone", "+46 70 555 0101")
                .put("personalNotes", "Met at the 2025 summit.\nPrefers mornings.");
        c.putArray("emailAddresses").add(MailExportTest.JSON.createObjectNode().put("name", "Ana").put("address", "ana@example.com"))
                .add(MailExportTest.JSON.createObjectNode().put("name", "Ana").put("address", "ana.silva@home.example"));
        c.putArray("businessPhones").add("+46 8 123 456");
        c.putArray("homePhones");
        c.putObject("businessAddress").put("street", "Storgatan 1").put("city", "Stockholm").put("postalCode", "111 22")
                .put("countryOrRegion", "Sweden");
        c.putObject("homeAddress");
        c.putArray("categories").add("Board");
        return c;
    }
}
