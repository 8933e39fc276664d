package io.m365vault.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.graphsim.GraphSim;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeltaPagerTest {
    static final int MESSAGES = 23;
    static GraphSim sim;
    static TenantGraph graph;
    static DeltaPager pager;

    @BeforeAll
    static void start() throws Exception {
        sim = GraphSim.builder().seed(5).users(12).messagesPerFolder(MESSAGES).build().start();
        graph = SimTenant.connect(sim, SimTenant.fastConfig());
        pager = new DeltaPager(new TenantGraphReader(graph, 2));
    }

    @AfterAll
    static void stop() {
        graph.close();
        sim.close();
    }

    private static String messagesDelta(String user, String folder) {
        return graph.requests().url(graph.sdk().users().byUserId(user).mailFolders().byMailFolderId(folder).messages().delta()
                .toGetRequestInformation(rc -> rc.queryParameters.select = new String[] {"subject", "parentFolderId"}));
    }

    private static Set<String> ids(List<DeltaPage> pages) {
        return pages.stream().flatMap(p -> p.items().stream()).map(i -> i.path("id").asText()).collect(Collectors.toSet());
    }

    private static Set<String> listed(String user, String folder) {
        return graph.sdk().users().byUserId(user).mailFolders().byMailFolderId(folder).messages()
                .get(rc -> rc.queryParameters.top = 1000).getValue().stream().map(m -> m.getId()).collect(Collectors.toSet());
    }

    @Test
    void followsEveryPageToTheDeltaLinkThenAnEmptyRound() throws Exception {
        String user = SimTenant.user(sim, 0);
        String url = messagesDelta(user, "archive");
        assertTrue(url.contains("/messages/delta()?"), "the SDK's URL form: " + url);
        List<DeltaPage> pages = new ArrayList<>();
        String deltaLink = pager.run(url, pages::add);

        assertEquals((MESSAGES + 1) / 2, pages.size());
        for (int i = 0; i < pages.size(); i++) {
            DeltaPage p = pages.get(i);
            assertEquals(i + 1, p.number());
            assertEquals(i == pages.size() - 1, p.last());
            assertTrue(p.items().size() <= 2);
            assertEquals(p.last() ? p.deltaLink() : p.nextLink(), p.resumeLink());
        }
        assertEquals(deltaLink, pages.get(pages.size() - 1).deltaLink());
        assertEquals(listed(user, "archive"), ids(pages));
        assertEquals(MESSAGES, ids(pages).size());

        List<DeltaPage> again = new ArrayList<>();
        String next = pager.run(deltaLink, again::add);
        assertEquals(1, again.size());
        assertTrue(again.get(0).items().isEmpty(), "nothing changed: one empty page");
        assertNotNull(next);
        assertNull(again.get(0).nextLink());
    }

    @Test
    void bothUrlFormsOfDeltaAnswerAlike() throws Exception {
        String user = SimTenant.user(sim, 1);
        List<DeltaPage> plain = new ArrayList<>();
        List<DeltaPage> call = new ArrayList<>();
        pager.run("/users/" + user + "/mailFolders/inbox/messages/delta", plain::add);
        pager.run("/users/" + user + "/mailFolders/inbox/messages/delta()", call::add);
        assertEquals(ids(plain), ids(call));
        assertEquals(listed(user, "inbox"), ids(plain));
    }

    @Test
    void aRunStoppedMidwayResumesFromItsLastCheckpoint() throws Exception {
        String user = SimTenant.user(sim, 2);
        List<DeltaPage> before = new ArrayList<>();
        String[] checkpoint = new String[1];
        IOException crash = assertThrows(IOException.class, () -> pager.run(messagesDelta(user, "sentitems"), page -> {
            if (page.number() == 4) {
                throw new IOException("worker killed");
            }
            before.add(page);
            checkpoint[0] = page.resumeLink();
        }));
        assertEquals("worker killed", crash.getMessage());
        assertEquals(3, before.size());
        List<DeltaPage> after = new ArrayList<>();
        pager.run(checkpoint[0], after::add);
        Set<String> all = new HashSet<>(ids(before));
        all.addAll(ids(after));
        assertEquals(listed(user, "sentitems"), all);
        assertEquals(MESSAGES, all.size());
    }

    @Test
    void removalsArriveAsRemovedItems() throws Exception {
        String user = SimTenant.user(sim, 3);
        String deltaLink = pager.run(messagesDelta(user, "inbox"), page -> { });
        String gone = listed(user, "inbox").iterator().next();
        graph.sdk().users().byUserId(user).messages().byMessageId(gone).delete();
        List<JsonNode> changes = new ArrayList<>();
        pager.run(deltaLink, page -> changes.addAll(page.items()));
        assertEquals(1, changes.size());
        assertEquals(gone, changes.get(0).path("id").asText());
        assertTrue(changes.get(0).has("@removed"), changes.get(0).toString());
    }

    @Test
    void anExpiredOutlookTokenIsDeltaExpired() throws Exception {
        String user = SimTenant.user(sim, 4);
        String[] firstNext = new String[1];
        String deltaLink = pager.run(messagesDelta(user, "drafts"), page -> {
            if (page.number() == 1) {
                firstNext[0] = page.nextLink();
            }
        });
        sim.expireDeltaTokens();
        DeltaExpiredException e = assertThrows(DeltaExpiredException.class, () -> pager.run(deltaLink, page -> { }));
        assertEquals("SyncStateNotFound", e.code());
        assertTrue(e.getMessage().contains("enumerate again"), e.getMessage());
        assertThrows(DeltaExpiredException.class, () -> pager.run(firstNext[0], page -> { }), "a next link expires as well");
        // A fresh round is the answer, and it works.
        List<DeltaPage> fresh = new ArrayList<>();
        pager.run(messagesDelta(user, "drafts"), fresh::add);
        assertEquals(listed(user, "drafts"), ids(fresh));
    }

    @Test
    void anExpiredDriveTokenIsDeltaExpiredWithTheDrivesCode() throws Exception {
        String user = SimTenant.user(sim, 5);
        String deltaLink = pager.run("/users/" + user + "/drive/root/delta()", page -> { });
        sim.expireDeltaTokens();
        DeltaExpiredException e = assertThrows(DeltaExpiredException.class, () -> pager.run(deltaLink, page -> { }));
        assertEquals("resyncChangesApplyDifferences", e.code());
    }

    @Test
    void otherErrorsAreGraphStatusExceptions() {
        String user = SimTenant.user(sim, 0);
        GraphStatusException e = assertThrows(GraphStatusException.class,
                () -> pager.run("/users/" + user + "/mailFolders/no-such-folder/messages/delta()", page -> { }));
        assertEquals(404, e.status());
        assertEquals("ErrorItemNotFound", e.code());
    }
}
