package io.m365vault.graphsim;

import com.microsoft.graph.models.MailFolder;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** mailFolders/delta and hidden folders: Graph leaves it undocumented, so both answers are simulated. */
class HiddenFolderDeltaSdkTest {
    static List<MailFolder> delta(String hiddenInDelta) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(3).users(7).messagesPerFolder(1).set("hidden-folders-in-delta", hiddenInDelta).build().start()) {
            GraphServiceClient graph = SdkClients.forSim(sim);
            String user = sim.tenant().directory().user(6).id;
            var page = graph.users().byUserId(user).mailFolders().delta().get(rc -> rc.queryParameters.top = 100);
            assertEquals(null, page.getOdataNextLink());
            List<MailFolder> listed = graph.users().byUserId(user).mailFolders()
                    .get(rc -> rc.queryParameters.includeHiddenFolders = "true").getValue();
            assertTrue(listed.stream().anyMatch(f -> Boolean.TRUE.equals(f.getIsHidden())), "the list shows it when asked");
            return page.getValue();
        }
    }

    @Test
    void hiddenFoldersInDeltaFollowTheKnob() throws Exception {
        assertTrue(delta("false").stream().noneMatch(f -> Boolean.TRUE.equals(f.getIsHidden())));
        List<MailFolder> with = delta("true");
        assertEquals(1, with.stream().filter(f -> Boolean.TRUE.equals(f.getIsHidden())).count());
        assertEquals("Hidden Notes", with.stream().filter(f -> Boolean.TRUE.equals(f.getIsHidden())).findFirst().orElseThrow().getDisplayName());
        assertThrows(IllegalArgumentException.class, () -> GraphSim.builder().set("hidden-folders-in-delta", "yes"));
    }
}
