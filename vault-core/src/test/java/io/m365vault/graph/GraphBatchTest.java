package io.m365vault.graph;

import io.m365vault.graphsim.GraphSim;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphBatchTest {
    static GraphSim sim;
    static TenantGraph graph;
    static List<String> throttledKeys = new CopyOnWriteArrayList<>();
    static String user;
    static List<String> messageIds;

    @BeforeAll
    static void start() throws Exception {
        sim = GraphSim.builder().seed(13).users(8).messagesPerFolder(30).set("retry-after-seconds", "0").build().start();
        ThrottleGovernor governor = new ThrottleGovernor(SimTenant.fastConfig().withMaxAttempts(4), new GovernorListener() {
            @Override
            public void throttled(String key, String url, Duration pause) {
                throttledKeys.add(key);
            }
        });
        graph = SimTenant.connect(sim, governor);
        user = SimTenant.user(sim, 0);
        messageIds = graph.sdk().users().byUserId(user).mailFolders().byMailFolderId("inbox").messages()
                .get(rc -> rc.queryParameters.top = 30).getValue().stream().map(m -> m.getId()).toList();
    }

    @AfterAll
    static void stop() {
        graph.close();
        sim.close();
    }

    private static List<BatchStep> steps() {
        List<BatchStep> steps = new ArrayList<>();
        for (int i = 0; i < messageIds.size(); i++) {
            steps.add(BatchStep.get("m" + i, "/users/" + user + "/messages/" + messageIds.get(i) + "?$select=subject"));
        }
        return steps;
    }

    @Test
    void throttledStepsAreResubmittedUntilAllAnswer() throws Exception {
        String key = "users/" + user.toLowerCase();
        KeyStats before = graph.governor().stats(key);
        throttledKeys.clear();
        // The first two rounds: 5 steps throttled on their own inside a batch.
        SimTenant.inject(sim, "users/" + user + "/messages/", 429, "ApplicationThrottled", 5);
        Map<String, BatchResult> results = new GraphBatch(graph).run(steps());
        assertEquals(30, results.size());
        for (int i = 0; i < messageIds.size(); i++) {
            BatchResult r = results.get("m" + i);
            assertTrue(r.ok(), r.toString());
            assertEquals(messageIds.get(i), r.body().path("id").asText());
        }
        KeyStats after = graph.governor().stats(key);
        assertEquals(5, after.throttled() - before.throttled());
        assertEquals(5, after.retries() - before.retries());
        assertEquals(List.of(key), throttledKeys.stream().distinct().toList());
        assertTrue(sim.stats().path("perEndpoint").path("POST $batch").asLong() >= 3, "30 steps in 2 batches, then the throttled again: " + sim.stats());
    }

    @Test
    void aStepThrottledOnEveryAttemptIsOneClearError() {
        SimTenant.inject(sim, "users/" + user + "/messages/" + messageIds.get(3), 503, null, 10);
        GraphRetriesExhaustedException e = assertThrows(GraphRetriesExhaustedException.class, () -> new GraphBatch(graph).run(steps().subList(0, 5)));
        assertEquals(503, e.lastStatus());
        assertEquals(4, e.attempts());
        assertTrue(e.getMessage().startsWith("GET $batch step m3 /users/" + user + "/messages/" + messageIds.get(3)), e.getMessage());
        sim.faults(SimTenant.faults().putArray("inject"));
    }
}
