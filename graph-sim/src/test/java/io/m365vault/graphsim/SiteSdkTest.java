package io.m365vault.graphsim;

import com.microsoft.graph.models.Site;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteSdkTest {
    @Test
    void sitesGroupsAndTheirDrivesEnumerate() throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(4).users(20).build().start()) {
            GraphServiceClient graph = SdkClients.forSim(sim);
            List<Site> sites = graph.sites().getAllSites().get().getValue();
            assertEquals(1 + 3 + 2, sites.size(), "root, three Microsoft 365 groups of four, two communication sites");
            assertTrue(sites.get(0).getId().split(",").length == 3);
            for (Site s : sites) {
                assertFalse(graph.sites().bySiteId(s.getId()).drives().get().getValue().isEmpty());
                assertEquals(s.getWebUrl(), graph.sites().bySiteId(s.getId()).get().getWebUrl());
            }
            var groups = graph.groups().get().getValue();
            var security = groups.stream().filter(g -> g.getGroupTypes().isEmpty()).findFirst().orElseThrow();
            List<User> direct = graph.groups().byGroupId(security.getId()).members().graphUser().get().getValue();
            List<User> transitive = graph.groups().byGroupId(security.getId()).transitiveMembers().graphUser().get().getValue();
            assertTrue(transitive.size() >= direct.size());
            assertTrue(graph.groups().byGroupId(security.getId()).members().get().getValue().stream()
                    .anyMatch(m -> m instanceof com.microsoft.graph.models.Group), "security groups nest a group");
            var team = groups.stream().filter(g -> g.getGroupTypes().contains("Unified")).findFirst().orElseThrow();
            assertEquals(graph.groups().byGroupId(team.getId()).drive().get().getId(),
                    graph.sites().bySiteId(graph.groups().byGroupId(team.getId()).sites().bySiteId("root").get().getId()).drive().get().getId());
        }
    }
}
