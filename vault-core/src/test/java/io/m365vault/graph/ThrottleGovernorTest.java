package io.m365vault.graph;

import io.m365vault.graphsim.GraphSim;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The governor against graph-sim's per-mailbox limits and faults, through the real SDK. */
class ThrottleGovernorTest extends SimGraphTest {
    private void start(int mailboxConcurrency, int latencyMs, int retryAfterSeconds) throws Exception {
        sim = GraphSim.builder().seed(11).users(10).messagesPerFolder(3).latencyMs(latencyMs)
                .set("mailbox-concurrency", Integer.toString(mailboxConcurrency))
                .set("retry-after-seconds", Integer.toString(retryAfterSeconds)).build().start();
    }

    private static String key(String user) {
        return "users/" + user.toLowerCase();
    }

    /** {@code n} inbox listings of {@code user} from the pool; returns their futures. */
    private List<Future<?>> hammer(String user, int n) {
        List<Future<?>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(pool.submit(() -> graph.sdk().users().byUserId(user).mailFolders().byMailFolderId("inbox").messages().get()));
        }
        return out;
    }

    private static void await(List<Future<?>> fs) throws Exception {
        for (Future<?> f : fs) {
            f.get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void atMostFourInFlightPerMailboxSoTheSimNeverThrottles() throws Exception {
        start(4, 15, 1);
        AtomicInteger maxSeen = new AtomicInteger();
        AtomicReference<ThrottleGovernor> self = new AtomicReference<>();
        ThrottleGovernor governor = new ThrottleGovernor(SimTenant.fastConfig(), new GovernorListener() {
            @Override
            public void sent(String key, String method, String url, int attempt) {
                maxSeen.accumulateAndGet(self.get().inFlight(key), Math::max);
            }
        });
        self.set(governor);
        graph = SimTenant.connect(sim, governor);
        String user = SimTenant.user(sim, 0);
        await(hammer(user, 64));
        assertEquals(0, sim.stats().path("throttled429").asLong(), sim.stats().toString());
        assertTrue(maxSeen.get() <= 4 && maxSeen.get() > 1, "in flight at most 4, and more than 1 was used: " + maxSeen.get());
        KeyStats s = governor.stats(key(user));
        assertEquals(new KeyStats(64, 0, 0, 0), s);
        assertEquals(s, governor.totals());
    }

    @Test
    void throughAStormEveryRequestSucceedsAndEvery429IsCounted() throws Exception {
        // The server allows 2 at once, the client sends up to 8: a storm of 429s (Retry-After: 0, so backoff rules).
        start(2, 10, 0);
        graph = SimTenant.connect(sim, SimTenant.fastConfig().withMaxInFlight(8).withMaxAttempts(1000));
        String user = SimTenant.user(sim, 1);
        await(hammer(user, 48));
        long sent429 = sim.stats().path("throttled429").asLong();
        KeyStats s = graph.governor().stats(key(user));
        assertTrue(sent429 > 0, "the storm happened: " + sim.stats());
        assertEquals(sent429, s.throttled());
        assertEquals(sent429, s.retries());
        assertEquals(48 + sent429, s.requests());
        assertEquals(0, s.failed());
    }

    @Test
    void a429PausesItsMailboxForRetryAfterWhileOthersGoOn() throws Exception {
        start(4, 0, 2);
        String a = SimTenant.user(sim, 2);
        String b = SimTenant.user(sim, 3);
        AtomicBoolean warm = new AtomicBoolean();
        ConcurrentLinkedQueue<String> order = new ConcurrentLinkedQueue<>();
        CountDownLatch throttled = new CountDownLatch(1);
        AtomicReference<Long> throttledAt = new AtomicReference<>();
        List<Long> aSentAt = new java.util.concurrent.CopyOnWriteArrayList<>();
        ThrottleGovernor governor = new ThrottleGovernor(SimTenant.fastConfig(), new GovernorListener() {
            @Override
            public void sent(String key, String method, String url, int attempt) {
                if (warm.get() && key.equals(key(a))) {
                    aSentAt.add(System.nanoTime());
                }
            }

            @Override
            public void throttled(String key, String url, Duration pause) {
                throttledAt.set(System.nanoTime());
                order.add("throttled " + key + " " + pause.toSeconds());
                throttled.countDown();
            }

            @Override
            public void completed(String key, String url, int status) {
                if (warm.get()) {
                    order.add("completed " + key);
                }
            }
        });
        graph = SimTenant.connect(sim, governor);
        // Warm up: the sim builds a mailbox on first use and the SDK loads its model classes on first parse.
        for (String u : List.of(a, b)) {
            graph.sdk().users().byUserId(u).mailFolders().byMailFolderId("inbox").messages().get();
        }
        warm.set(true);
        SimTenant.inject(sim, "users/" + a + "/mailFolders/inbox/messages", 429, null, 1);
        Future<?> first = pool.submit(() -> graph.sdk().users().byUserId(a).mailFolders().byMailFolderId("inbox").messages().get());
        assertTrue(throttled.await(30, TimeUnit.SECONDS));
        // The listener hears of the 429 just before the governor pauses the key; the count follows the pause.
        while (governor.stats(key(a)).throttled() == 0) {
            Thread.onSpinWait();
        }
        // A second request of the throttled mailbox, not itself faulted, must wait out the pause too.
        Future<?> second = pool.submit(() -> graph.sdk().users().byUserId(a).mailFolders().byMailFolderId("drafts").messages().get());
        for (int i = 0; i < 5; i++) {
            graph.sdk().users().byUserId(b).mailFolders().byMailFolderId("inbox").messages().get();
        }
        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);

        List<String> events = new ArrayList<>(order);
        assertEquals("throttled " + key(a) + " 2", events.get(0), events.toString());
        // On a loaded machine five round trips may outlast the pause, so only the first is ordered.
        assertEquals("completed " + key(b), events.get(1), "the other mailbox went on while the throttled one waited: " + events);
        assertEquals(5, events.stream().filter(e -> e.equals("completed " + key(b))).count(), events.toString());
        assertEquals(2, events.stream().filter(e -> e.equals("completed " + key(a))).count(), events.toString());
        long pauseEnd = throttledAt.get() + Duration.ofSeconds(2).toNanos();
        assertEquals(3, aSentAt.size(), "first try, its retry, the second request");
        assertTrue(aSentAt.get(1) >= pauseEnd && aSentAt.get(2) >= pauseEnd, "nothing of the mailbox left before its Retry-After passed");
        assertEquals(new KeyStats(6, 0, 0, 0), governor.stats(key(b)));
        assertEquals(new KeyStats(4, 1, 1, 0), governor.stats(key(a)));
    }

    @Test
    void unavailableAndGatewayTimeoutsAreRetried() throws Exception {
        // Retry-After of 1 s on 503s: with "Retry-After: 0" OkHttp itself repeats a 503 once, unseen by the governor.
        start(4, 0, 1);
        sim.faults(SimTenant.faults().put("rate504", 0.4));
        SimTenant.inject(sim, "mailFolders/inbox/messages", 503, null, 1);
        graph = SimTenant.connect(sim, SimTenant.fastConfig().withMaxAttempts(40));
        String user = SimTenant.user(sim, 0);
        await(hammer(user, 40));
        assertEquals(1, sim.stats().path("unavailable503").asLong());
        long faults = sim.stats().path("unavailable503").asLong() + sim.stats().path("gatewayTimeout504").asLong();
        assertTrue(faults > 0, sim.stats().toString());
        KeyStats s = graph.governor().stats(key(user));
        assertEquals(faults, s.retries());
        assertEquals(40 + faults, s.requests());
        assertEquals(0, s.throttled());
    }

    @Test
    void exhaustedRetriesEndInOneClearError() throws Exception {
        start(4, 0, 0);
        graph = SimTenant.connect(sim, SimTenant.fastConfig().withMaxAttempts(3));
        String user = SimTenant.user(sim, 0);
        SimTenant.inject(sim, "mailFolders/sentitems/messages", 504, null, 3);
        RuntimeException viaSdk = assertThrows(RuntimeException.class,
                () -> graph.sdk().users().byUserId(user).mailFolders().byMailFolderId("sentitems").messages().get());
        GraphRetriesExhaustedException e = GraphRetriesExhaustedException.in(viaSdk);
        assertNotNull(e, "the SDK's exception carries ours: " + viaSdk);
        assertEquals(504, e.lastStatus());
        assertEquals(3, e.attempts());
        assertEquals("GET " + sim.baseUrl() + "/users/" + user + "/mailFolders/sentitems/messages failed after 3 attempts: last status 504"
                + " (UnknownError: Injected fault 504.)", e.getMessage());
        assertEquals(new KeyStats(3, 0, 2, 1), graph.governor().stats(key(user)));

        SimTenant.inject(sim, "mailFolders/sentitems/messages", 429, null, 3);
        GraphRetriesExhaustedException raw = assertThrows(GraphRetriesExhaustedException.class,
                () -> graph.requests().getJson("/users/" + user + "/mailFolders/sentitems/messages", java.util.Map.of()));
        assertEquals(429, raw.lastStatus());
    }

    @Test
    void refusedConnectionsAreRetriedThenReported() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (TenantGraph nowhere = GraphClients.create(GraphSettings.anonymous("http://127.0.0.1:" + closedPort + "/v1.0"),
                SimTenant.fastConfig().withMaxAttempts(4))) {
            RuntimeException viaSdk = assertThrows(RuntimeException.class, () -> nowhere.sdk().users().get());
            GraphRetriesExhaustedException e = GraphRetriesExhaustedException.in(viaSdk);
            assertNotNull(e, viaSdk.toString());
            assertEquals(-1, e.lastStatus());
            assertEquals(4, e.attempts());
            assertTrue(e.getMessage().startsWith("GET http://127.0.0.1:" + closedPort + "/v1.0/users failed after 4 attempts: last error"), e.getMessage());
            assertEquals(new KeyStats(4, 0, 3, 1), nowhere.governor().stats(ThrottleKeys.TENANT));
        }
    }
}
