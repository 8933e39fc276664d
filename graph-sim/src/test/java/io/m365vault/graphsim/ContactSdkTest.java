package io.m365vault.graphsim;

import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContactSdkTest {
    @Test
    void foldersContactsPhotosAndDelta() throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(8).users(7).config(c -> c.contactsPerFolder = 6).build().start()) {
            GraphServiceClient graph = SdkClients.forSim(sim);
            String user = sim.tenant().directory().user(6).id;
            var sub = graph.users().byUserId(user).contactFolders().get().getValue();
            assertEquals("Suppliers", sub.get(0).getDisplayName());
            var firstPage = graph.users().byUserId(user).contactFolders().byContactFolderId("contacts").contacts().delta()
                    .get(rc -> rc.headers.add("Prefer", "odata.maxpagesize=4"));
            List<Contact> all = new ArrayList<>(firstPage.getValue());
            var page = firstPage;
            while (page.getOdataNextLink() != null) {
                page = graph.users().byUserId(user).contactFolders().byContactFolderId("contacts").contacts().delta().withUrl(page.getOdataNextLink()).get();
                all.addAll(page.getValue());
            }
            assertEquals(6, all.size());
            assertNotNull(all.get(0).getEmailAddresses().get(0).getAddress());
            int photos = 0;
            for (Contact c : all) {
                try (InputStream in = graph.users().byUserId(user).contacts().byContactId(c.getId()).photo().content().get()) {
                    byte[] jpg = in.readAllBytes();
                    assertEquals((byte) 0xFF, jpg[0]);
                    photos++;
                } catch (ODataError e) {
                    assertEquals(404, e.getResponseStatusCode());
                }
            }
            assertTrue(photos < 6);

            Contact created = new Contact();
            created.setGivenName("Restored");
            EmailAddress e = new EmailAddress();
            e.setAddress("restored@example.org");
            created.setEmailAddresses(List.of(e));
            Contact back = graph.users().byUserId(user).contacts().post(created);
            graph.users().byUserId(user).contacts().byContactId(all.get(0).getId()).delete();
            var changes = graph.users().byUserId(user).contactFolders().byContactFolderId("contacts").contacts().delta()
                    .withUrl(page.getOdataDeltaLink()).get().getValue();
            assertEquals(2, changes.size());
            assertTrue(changes.stream().anyMatch(c -> c.getId().equals(back.getId()) && "Restored".equals(c.getGivenName())));
            assertTrue(changes.stream().anyMatch(c -> c.getAdditionalData().containsKey("@removed")));
            assertFalse(sim.snapshot(user).path("contacts").isEmpty());
            assertThrows(ODataError.class, () -> graph.users().byUserId(user).contacts().byContactId("nope").get());
        }
    }
}
