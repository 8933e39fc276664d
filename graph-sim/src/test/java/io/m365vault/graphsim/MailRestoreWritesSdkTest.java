package io.m365vault.graphsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.models.FileAttachment;
import com.microsoft.graph.models.FollowupFlag;
import com.microsoft.graph.models.FollowupFlagStatus;
import com.microsoft.graph.models.Importance;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.models.MailFolder;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.Recipient;
import com.microsoft.graph.models.SingleValueLegacyExtendedProperty;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.m365vault.graphsim.model.Hashes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The writes a mail restore makes, through the typed SDK, and what the snapshot shows of them. */
class MailRestoreWritesSdkTest {
    private static GraphSim sim;
    private static GraphServiceClient graph;
    private static String user;

    @BeforeAll
    static void start() throws Exception {
        sim = GraphSim.builder().seed(43).users(12).messagesPerFolder(1).build().start();
        graph = SdkClients.forSim(sim);
        user = SdkClients.mailUser(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void aMessageCreatedWithItsFlagsAndTimesIsReceivedNotADraft() {
        MailFolder folder = new MailFolder();
        folder.setDisplayName("Restored 2026-11-20");
        MailFolder top = graph.users().byUserId(user).mailFolders().post(folder);
        MailFolder child = new MailFolder();
        child.setDisplayName("Projects");
        MailFolder projects = graph.users().byUserId(user).mailFolders().byMailFolderId(top.getId()).childFolders().post(child);

        Message m = message("Quarterly figures");
        m.setSingleValueExtendedProperties(List.of(prop("Integer 0x0E07", "1"), prop("SystemTime 0x0039", "2026-10-01T09:00:00Z"),
                prop("SystemTime 0x0E06", "2026-10-01T09:00:05Z")));
        FileAttachment logo = new FileAttachment();
        logo.setName("logo.png");
        logo.setContentType("image/png");
        logo.setContentBytes(new byte[] {9, 8, 7});
        logo.setIsInline(true);
        logo.setContentId("logo");
        m.setAttachments(List.of(logo));
        graph.users().byUserId(user).mailFolders().byMailFolderId(projects.getId()).messages().post(m);
        graph.users().byUserId(user).mailFolders().byMailFolderId(projects.getId()).messages().post(message("Without flags"));

        JsonNode received = find("Quarterly figures");
        assertEquals("Restored 2026-11-20/Projects", received.get("folder").asText());
        assertFalse(received.get("isDraft").asBoolean(), "0x0E07 without the unsent bit: not a draft");
        assertTrue(received.get("isRead").asBoolean());
        assertEquals("2026-10-01T09:00:00Z", received.get("sentDateTime").asText());
        assertEquals("2026-10-01T09:00:05Z", received.get("receivedDateTime").asText());
        assertEquals("flagged", received.get("flag").asText());
        assertEquals("Finance", received.get("categories").get(0).asText());
        assertEquals("high", received.get("importance").asText());
        assertEquals("lea@example.com", received.get("from").asText());
        String shown = graph.users().byUserId(user).messages().byMessageId(received.get("restId").asText()).get().getBody().getContent();
        assertTrue(shown.contains("<p>The figures</p>"), shown);
        assertEquals(Hashes.sha256(shown.getBytes(StandardCharsets.UTF_8)), received.get("bodySha256").asText(), "the body as Graph shows it");
        JsonNode att = received.get("attachments").get(0);
        assertEquals("logo.png", att.get("name").asText());
        assertTrue(att.get("inline").asBoolean());
        assertEquals(Hashes.sha256(new byte[] {9, 8, 7}), att.get("sha256").asText());
        assertTrue(find("Without flags").get("isDraft").asBoolean(), "created without message flags, Graph makes a draft");
    }

    private static JsonNode find(String subject) {
        for (JsonNode m : sim.snapshot(user).path("mail")) {
            if (subject.equals(m.get("subject").asText())) {
                return m;
            }
        }
        throw new AssertionError("no message " + subject + " in the snapshot");
    }

    private static Message message(String subject) {
        Message m = new Message();
        m.setSubject(subject);
        ItemBody body = new ItemBody();
        body.setContentType(BodyType.Html);
        body.setContent("<p>The figures</p>");
        m.setBody(body);
        Recipient from = new Recipient();
        EmailAddress a = new EmailAddress();
        a.setAddress("lea@example.com");
        a.setName("Léa Martin");
        from.setEmailAddress(a);
        m.setFrom(from);
        m.setImportance(Importance.High);
        m.setCategories(List.of("Finance"));
        FollowupFlag flag = new FollowupFlag();
        flag.setFlagStatus(FollowupFlagStatus.Flagged);
        m.setFlag(flag);
        m.setInternetMessageId("<" + subject.hashCode() + "@example.com>");
        return m;
    }

    private static SingleValueLegacyExtendedProperty prop(String id, String value) {
        SingleValueLegacyExtendedProperty p = new SingleValueLegacyExtendedProperty();
        p.setId(id);
        p.setValue(value);
        return p;
    }
}
