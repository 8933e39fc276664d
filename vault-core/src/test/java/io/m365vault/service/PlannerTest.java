package io.m365vault.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.graphsim.model.Directory;
import io.m365vault.graphsim.model.SimGroup;
import io.m365vault.graphsim.model.SimUser;
import io.m365vault.graphsim.site.SimSite;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The planner against graph-sim's directory: paging, guests, nested groups, sites. */
class PlannerTest {
    static GraphSim sim;
    static Planner planner;
    static Directory dir;

    @BeforeAll
    static void start() throws Exception {
        // 250 users: /users comes in pages of 100, so the planner must follow nextLink.
        sim = GraphSim.builder().seed(21).users(250).groups(9).build().start();
        planner = new Planner(ServiceFixture.graph(sim));
        dir = sim.tenant().directory();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void allProtectsEveryMemberUserAndSkipsGuests() throws Exception {
        Plan plan = planner.plan(BackupPolicy.parse("{\"mail\":\"all\",\"contacts\":\"all\"}"));
        Set<String> expected = new TreeSet<>();
        boolean sawGuest = false;
        for (int i = 0; i < dir.userCount(); i++) {
            SimUser u = dir.user(i);
            sawGuest |= u.kind == SimUser.Kind.GUEST;
            if (u.kind != SimUser.Kind.GUEST) {
                expected.add("user:" + u.id);
            }
        }
        assertTrue(sawGuest, "the seeded tenant has guests");
        assertEquals(expected, names(plan));
        assertTrue(plan.items().stream().allMatch(p -> p.workloads().equals(Set.of(Workload.MAIL, Workload.CONTACTS))));
        assertTrue(plan.warnings().isEmpty(), plan.warnings().toString());
    }

    @Test
    void selectedTakesUpnsIdsAndNestedGroupMembers() throws Exception {
        SimGroup nestedGroup = dir.groups().stream().filter(g -> !g.memberGroups.isEmpty()).findFirst().orElseThrow();
        SimUser byUpn = firstMember(0);
        SimUser byId = firstMember(1);
        String policy = "{\"mail\":{\"mode\":\"selected\",\"users\":[\"" + byUpn.userPrincipalName.toUpperCase()
                + "\",\"" + byId.id + "\",\"nobody@nowhere.test\"],\"groups\":[\"" + nestedGroup.id + "\"]}}";
        Plan plan = planner.plan(BackupPolicy.parse(policy));
        Set<String> expected = new TreeSet<>(Set.of("user:" + byUpn.id, "user:" + byId.id));
        for (SimUser u : dir.transitiveUsers(nestedGroup)) {
            if (u.kind != SimUser.Kind.GUEST) {
                expected.add("user:" + u.id);
            }
        }
        Set<Integer> direct = Set.copyOf(nestedGroup.memberUsers);
        assertTrue(dir.transitiveUsers(nestedGroup).stream().anyMatch(u -> !direct.contains(u.index)),
                "the group has members only through nesting");
        assertEquals(expected, names(plan));
        assertEquals(1, plan.warnings().size(), plan.warnings().toString());
        assertTrue(plan.warnings().get(0).contains("nobody@nowhere.test"));
    }

    @Test
    void allExceptLeavesOutTheNamedAndWorkloadsMerge() throws Exception {
        SimUser left = firstMember(2);
        Plan plan = planner.plan(BackupPolicy.parse("{\"mail\":\"all\",\"calendar\":{\"mode\":\"allExcept\",\"users\":[\""
                + left.id + "\"]},\"files\":{\"mode\":\"selected\",\"sites\":[\"" + site(0).id + "\",\"" + site(1).id + "\"]}}"));
        Map<String, Set<Workload>> by = new HashMap<>();
        plan.items().forEach(p -> by.put(p.item().toString(), p.workloads()));
        assertEquals(Set.of(Workload.MAIL), by.get("user:" + left.id));
        assertEquals(Set.of(Workload.MAIL, Workload.CALENDAR), by.get("user:" + firstMember(3).id));
        assertEquals(Set.of(Workload.FILES), by.get("site:" + site(0).id));
        assertEquals(Set.of(Workload.FILES), by.get("site:" + site(1).id));
        assertEquals(2, plan.items().stream().filter(p -> p.item().kind().equals("site")).count());
    }

    @Test
    void allSitesAndUnknownGroupsAreReported() throws Exception {
        Plan plan = planner.plan(BackupPolicy.parse("{\"lists\":\"all\",\"contacts\":{\"mode\":\"selected\",\"groups\":[\"no-such-group\"]}}"));
        Set<String> sites = sim.tenant().sites().sites().stream().map(s -> "site:" + s.id).collect(Collectors.toCollection(TreeSet::new));
        assertFalse(sites.isEmpty());
        assertEquals(sites, names(plan));
        assertEquals(1, plan.warnings().size(), plan.warnings().toString());
        assertTrue(plan.warnings().get(0).contains("no-such-group"));
    }

    private static SimUser firstMember(int skip) {
        return java.util.stream.IntStream.range(0, dir.userCount()).mapToObj(dir::user)
                .filter(u -> u.kind == SimUser.Kind.NORMAL).skip(skip).findFirst().orElseThrow();
    }

    private static SimSite site(int i) {
        return sim.tenant().sites().sites().get(i);
    }

    private static Set<String> names(Plan plan) {
        return plan.items().stream().map(PlannedItem::item).map(ProtectedItem::toString).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void personalSitesAreLeftToTheirUsers() throws Exception {
        // Graph's getAllSites lists OneDrives' sites too (graph-sim does not): they are backed up as user:<id>.
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertTrue(Planner.personal(json.readTree("{\"webUrl\":\"https://contoso-my.sharepoint.com/personal/adele_contoso_com\"}")));
        assertFalse(Planner.personal(json.readTree("{\"webUrl\":\"https://contoso.sharepoint.com/sites/personal\"}")));
    }
}
