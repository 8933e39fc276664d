package io.m365vault.graphsim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.graph.models.MailFolder;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.mailfolders.item.messages.delta.DeltaGetResponse;
import com.microsoft.kiota.ApiException;
import io.m365vault.graphsim.mail.MimePart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailSdkTest {
    static GraphSim sim;
    static GraphServiceClient graph;
    static String user;

    @BeforeAll
    static void start() throws Exception {
        sim = GraphSim.builder().seed(42).users(8).messagesPerFolder(7).build().start();
        graph = SdkClients.forSim(sim);
        user = sim.tenant().directory().user(6).id;
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    /** One full delta round: every page, following nextLinks until the deltaLink. */
    static List<Message> round(String folder, String link, List<String> deltaLinkOut) {
        List<Message> all = new ArrayList<>();
        var builder = graph.users().byUserId(user).mailFolders().byMailFolderId(folder).messages().delta();
        DeltaGetResponse page = link == null
                ? builder.get(rc -> rc.headers.add("Prefer", "odata.maxpagesize=3"))
                : builder.withUrl(link).get(rc -> rc.headers.add("Prefer", "odata.maxpagesize=3"));
        while (true) {
            all.addAll(page.getValue());
            if (page.getOdataNextLink() == null) {
                deltaLinkOut.add(page.getOdataDeltaLink());
                return all;
            }
            assertTrue(page.getOdataNextLink().startsWith(sim.baseUrl()), page.getOdataNextLink());
            assertTrue(page.getValue().size() <= 3);
            page = builder.withUrl(page.getOdataNextLink()).get(rc -> rc.headers.add("Prefer", "odata.maxpagesize=3"));
        }
    }

    @Test
    void usersEnumerateWithTheSpecialOnes() {
        List<User> users = graph.users().get().getValue();
        assertEquals(8, users.size());
        assertEquals("Guest", users.get(1).getUserType());
        assertTrue(users.get(2).getAssignedLicenses().isEmpty());
        var settings = graph.users().byUserId(users.get(3).getId()).mailboxSettings().get();
        assertEquals("shared", settings.getUserPurpose().toString().toLowerCase());
        ODataError e = assertThrows(ODataError.class,
                () -> graph.users().byUserId(users.get(4).getId()).mailFolders().get());
        assertEquals(404, e.getResponseStatusCode());
        assertEquals("MailboxNotEnabledForRESTAPI", e.getError().getCode());
    }

    @Test
    void foldersNestAndHideAsGraphDoes() {
        List<MailFolder> top = graph.users().byUserId(user).mailFolders().get().getValue();
        assertTrue(top.stream().anyMatch(f -> f.getDisplayName().equals("Inbox")));
        assertTrue(top.stream().noneMatch(f -> Boolean.TRUE.equals(f.getIsHidden())));
        List<MailFolder> withHidden = graph.users().byUserId(user).mailFolders()
                .get(rc -> rc.queryParameters.includeHiddenFolders = "true").getValue();
        assertEquals(top.size() + 1, withHidden.size());
        MailFolder inbox = graph.users().byUserId(user).mailFolders().byMailFolderId("inbox").get();
        assertEquals(1, inbox.getChildFolderCount());
        List<MailFolder> kids = graph.users().byUserId(user).mailFolders().byMailFolderId(inbox.getId()).childFolders().get().getValue();
        assertEquals("Projects", kids.get(0).getDisplayName());
        var inProjects = graph.users().byUserId(user).mailFolders().byMailFolderId(inbox.getId())
                .childFolders().byMailFolderId1(kids.get(0).getId()).messages().get(rc -> rc.queryParameters.top = 100).getValue();
        assertEquals(7, inProjects.size());
        var grandKids = graph.users().byUserId(user).mailFolders().byMailFolderId(kids.get(0).getId()).childFolders().get().getValue();
        assertEquals("2024", grandKids.get(0).getDisplayName());
        var folderDelta = graph.users().byUserId(user).mailFolders().delta().get();
        assertNotNull(folderDelta.getOdataDeltaLink());
        assertTrue(folderDelta.getValue().size() >= 10);
    }

    @Test
    void messagesDeltaPagesThenReportsChanges() throws Exception {
        List<String> links = new ArrayList<>();
        List<Message> first = round("archive", null, links);
        assertEquals(7, first.size());
        assertEquals(7, new HashSet<>(first.stream().map(Message::getId).toList()).size());
        Message m = first.get(0);
        assertNotNull(m.getSubject());
        assertNotNull(m.getReceivedDateTime());
        assertNotNull(m.getFrom().getEmailAddress().getAddress());
        assertNotNull(m.getBody().getContent());

        // Nothing changed: the next round is empty.
        List<Message> none = round("archive", links.get(0), links);
        assertTrue(none.isEmpty());

        var mailbox = sim.tenant().mailbox(user);
        String deletedId;
        String movedId;
        synchronized (mailbox) {
            var items = mailbox.folder("archive").items.values().stream().filter(i -> !i.deleted()).toList();
            deletedId = items.get(0).id();
            movedId = items.get(1).id();
        }
        graph.users().byUserId(user).messages().byMessageId(deletedId).delete();
        var moveBody = new com.microsoft.graph.users.item.messages.item.move.MovePostRequestBody();
        moveBody.setDestinationId("inbox");
        Message moved = graph.users().byUserId(user).messages().byMessageId(movedId).move().post(moveBody);
        assertFalse(moved.getId().equals(movedId), "Outlook gives a moved message a new id");

        List<Message> changes = round("archive", links.get(1), links);
        assertEquals(2, changes.size());
        for (Message c : changes) {
            Map<String, Object> extra = c.getAdditionalData();
            assertTrue(extra.containsKey("@removed"), "removed entries carry @removed: " + extra);
        }
        Set<String> removed = new HashSet<>(changes.stream().map(Message::getId).toList());
        assertEquals(Set.of(deletedId, movedId), removed);
    }

    @Test
    void mimeIsByteStableAndParses() throws Exception {
        var page = graph.users().byUserId(user).mailFolders().byMailFolderId("inbox").messages().get(rc -> rc.queryParameters.top = 50);
        for (Message m : page.getValue()) {
            byte[] a;
            byte[] b;
            try (InputStream in = graph.users().byUserId(user).messages().byMessageId(m.getId()).content().get()) {
                a = in.readAllBytes();
            }
            try (InputStream in = graph.users().byUserId(user).messages().byMessageId(m.getId()).content().get()) {
                b = in.readAllBytes();
            }
            assertArrayEquals(a, b);
            MimePart root = MimePart.parse(a);
            assertEquals(m.getInternetMessageId(), root.header("Message-ID"));
            assertEquals(m.getSubject(), root.header("Subject"));
            if (Boolean.TRUE.equals(m.getHasAttachments())) {
                var atts = graph.users().byUserId(user).messages().byMessageId(m.getId()).attachments().get().getValue();
                assertFalse(atts.isEmpty());
            }
        }
    }

    @Test
    void largeAttachmentsGoUpInAnOutlookUploadSession() throws Exception {
        Message draft = new Message();
        draft.setSubject("Restored with a large attachment");
        Message created = graph.users().byUserId(user).messages().post(draft);
        byte[] data = new byte[3_300_000];
        new java.util.SplittableRandom(4).nextBytes(data);
        var body = new com.microsoft.graph.users.item.messages.item.attachments.createuploadsession.CreateUploadSessionPostRequestBody();
        com.microsoft.graph.models.AttachmentItem item = SdkClients.fileItem("scan.pdf", data.length);
        item.setContentType("application/pdf");
        body.setAttachmentItem(item);
        var session = graph.users().byUserId(user).messages().byMessageId(created.getId()).attachments().createUploadSession().post(body);
        assertTrue(SdkClients.upload(graph, session, data, 2 * 1024 * 1024).isUploadSuccessful());
        var atts = graph.users().byUserId(user).messages().byMessageId(created.getId()).attachments().get().getValue();
        com.microsoft.graph.models.FileAttachment back = (com.microsoft.graph.models.FileAttachment) atts.get(atts.size() - 1);
        assertEquals("scan.pdf", back.getName());
        assertArrayEquals(data, back.getContentBytes());
        try (InputStream in = graph.users().byUserId(user).messages().byMessageId(created.getId()).content().get()) {
            MimePart mime = MimePart.parse(in.readAllBytes());
            assertEquals("Restored with a large attachment", mime.header("Subject"));
        }
    }

    @Test
    void selectAndTopShapeTheList() {
        var page = graph.users().byUserId(user).mailFolders().byMailFolderId("inbox").messages()
                .get(rc -> {
                    rc.queryParameters.select = new String[] {"subject"};
                    rc.queryParameters.top = 2;
                });
        assertEquals(2, page.getValue().size());
        assertNotNull(page.getOdataNextLink());
        assertNull(page.getValue().get(0).getBody());
        assertNotNull(page.getValue().get(0).getSubject());
    }

    @Test
    void throttlingAndExpiredTokensAnswerLikeGraph() {
        ObjectNode inject = io.m365vault.graphsim.http.Json.obj();
        inject.putArray("inject").addObject().put("path", "mailFolders/drafts/messages").put("status", 429).put("count", 1);
        sim.faults(inject);
        ApiException e = assertThrows(ApiException.class, () -> graph.users().byUserId(user).mailFolders()
                .byMailFolderId("drafts").messages().get(rc -> rc.options.add(SdkClients.noRetry())));
        assertEquals(429, e.getResponseStatusCode());
        assertNotNull(e.getResponseHeaders().get("Retry-After"));
        assertEquals("TooManyRequests", ((ODataError) e).getError().getCode());

        List<String> links = new ArrayList<>();
        round("sentitems", null, links);
        sim.expireDeltaTokens();
        ODataError gone = assertThrows(ODataError.class, () -> round("sentitems", links.get(0), links));
        assertEquals(410, gone.getResponseStatusCode());
        assertEquals("SyncStateNotFound", gone.getError().getCode());
    }
}
