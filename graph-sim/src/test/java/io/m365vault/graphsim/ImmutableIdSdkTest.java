package io.m365vault.graphsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.mailfolders.item.messages.delta.DeltaGetResponse;
import com.microsoft.graph.users.item.messages.item.move.MovePostRequestBody;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Prefer: IdType="ImmutableId" keeps a message's id across moves, in responses, deltas and snapshots. */
class ImmutableIdSdkTest {
    static final String IMMUTABLE = "IdType=\"ImmutableId\"";

    /** The preferences a backup sends: immutable ids and a page size, as two Prefer headers. */
    static void prefer(com.microsoft.kiota.RequestHeaders h) {
        h.add("Prefer", IMMUTABLE);
        h.add("Prefer", "odata.maxpagesize=3");
    }

    static List<Message> round(GraphServiceClient graph, String user, String folder, String link, List<String> links) {
        var b = graph.users().byUserId(user).mailFolders().byMailFolderId(folder).messages().delta();
        DeltaGetResponse page = link == null ? b.get(rc -> prefer(rc.headers)) : b.withUrl(link).get(rc -> prefer(rc.headers));
        List<Message> all = new ArrayList<>(page.getValue());
        while (page.getOdataNextLink() != null) {
            page = b.withUrl(page.getOdataNextLink()).get(rc -> prefer(rc.headers));
            all.addAll(page.getValue());
        }
        links.add(page.getOdataDeltaLink());
        return all;
    }

    @Test
    void movesKeepTheImmutableIdEverywhere() throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(5).users(7).messagesPerFolder(4).build().start()) {
            GraphServiceClient graph = SdkClients.forSim(sim);
            String user = sim.tenant().directory().user(6).id;
            List<String> archiveLinks = new ArrayList<>();
            List<String> inboxLinks = new ArrayList<>();
            List<Message> archive = round(graph, user, "archive", null, archiveLinks);
            round(graph, user, "inbox", null, inboxLinks);
            String id = archive.get(0).getId();

            Message moved = graph.users().byUserId(user).messages().byMessageId(id).move().post(moveTo("inbox"), rc -> prefer(rc.headers));
            assertEquals(id, moved.getId(), "an immutable id survives the move");
            Message again = graph.users().byUserId(user).messages().byMessageId(id).move().post(moveTo("deleteditems"), rc -> prefer(rc.headers));
            assertEquals(id, again.getId());
            assertEquals(id, graph.users().byUserId(user).messages().byMessageId(id).get(rc -> prefer(rc.headers)).getId());

            List<Message> archiveChanges = round(graph, user, "archive", archiveLinks.get(0), archiveLinks);
            assertEquals(1, archiveChanges.size());
            assertEquals(id, archiveChanges.get(0).getId());
            assertTrue(archiveChanges.get(0).getAdditionalData().containsKey("@removed"));
            List<String> deletedLinks = new ArrayList<>();
            assertTrue(round(graph, user, "deleteditems", null, deletedLinks).stream().anyMatch(m -> m.getId().equals(id)),
                    "the target folder's delta carries the same id");

            JsonNode snap = null;
            for (JsonNode m : sim.snapshot(user).get("mail")) {
                if (m.get("id").asText().equals(id)) {
                    snap = m;
                }
            }
            assertEquals("Deleted Items", snap.get("folder").asText());

            // A client without the preference sees the REST id, which changed with each move.
            Message plain = graph.users().byUserId(user).messages().byMessageId(id).get();
            assertNotEquals(id, plain.getId());
            assertEquals(snap.get("restId").asText(), plain.getId());
            assertTrue(graph.users().byUserId(user).mailFolders().byMailFolderId("deleteditems").messages()
                    .get(rc -> rc.queryParameters.top = 100).getValue().stream().noneMatch(m -> m.getId().equals(id)));
            ODataError stale = assertThrows(ODataError.class,
                    () -> graph.users().byUserId(user).messages().byMessageId(moved.getId() + "x").get());
            assertEquals(404, stale.getResponseStatusCode());
        }
    }

    static MovePostRequestBody moveTo(String dest) {
        MovePostRequestBody b = new MovePostRequestBody();
        b.setDestinationId(dest);
        return b;
    }
}
