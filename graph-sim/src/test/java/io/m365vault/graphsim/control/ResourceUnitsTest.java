package io.m365vault.graphsim.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.http.GraphError;
import io.m365vault.graphsim.http.Json;
import io.m365vault.graphsim.http.Res;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The budget's accounting on a clock of the test's own: headers from 80%, 429 past the budget, a new window after one has passed. */
class ResourceUnitsTest {
    private static final long T0 = 1_000_000;

    private static Res answered(ResourceUnits ru, int cost, long now) {
        return ru.charge(cost, now).decorate(Res.empty(200));
    }

    @Test
    void headersFromEightyPercentOfTheBudgetThen429UntilTheWindowEnds() {
        ResourceUnits ru = new ResourceUnits(10, 60);
        for (int i = 0; i < 7; i++) {
            assertNull(answered(ru, 1, T0 + i).headers.get("RateLimit-Limit"), "below 80% SharePoint sends no RateLimit headers");
        }
        Res eighth = answered(ru, 1, T0 + 20_000);
        assertEquals("10", eighth.headers.get("RateLimit-Limit"));
        assertEquals("2", eighth.headers.get("RateLimit-Remaining"));
        assertEquals("40", eighth.headers.get("RateLimit-Reset"), "seconds until the window that began at the first request ends");
        Res tenth = answered(ru, 2, T0 + 30_500);
        assertEquals("0", tenth.headers.get("RateLimit-Remaining"));
        assertEquals("30", tenth.headers.get("RateLimit-Reset"), "rounded up: never earlier than the window's end");

        GraphError over = assertThrows(GraphError.class, () -> ru.charge(1, T0 + 45_000));
        assertEquals(429, over.status);
        assertEquals("15", over.headers.get("Retry-After"));
        assertEquals("0", over.headers.get("RateLimit-Remaining"));
        assertEquals("10", over.headers.get("RateLimit-Limit"));

        assertNull(answered(ru, 1, T0 + 60_000).headers.get("RateLimit-Limit"), "a new window, a full budget");
        ObjectNode stats = Json.obj();
        ru.stats(stats);
        assertEquals(12, stats.get("charged").asInt());
        assertEquals(2, stats.get("withRateLimitHeaders").asInt());
        assertEquals(1, stats.get("throttled429").asInt());
    }

    @Test
    void requestsOutsideSharePointAndAZeroBudgetCostNothing() {
        ResourceUnits off = new ResourceUnits(0, 60);
        for (int i = 0; i < 100; i++) {
            assertNull(answered(off, 2, T0).headers.get("RateLimit-Limit"));
        }
        ResourceUnits on = new ResourceUnits(1, 60);
        for (int i = 0; i < 100; i++) {
            answered(on, 0, T0);
        }
        assertEquals("0", answered(on, 1, T0).headers.get("RateLimit-Remaining"), "mail and directory calls left the budget whole");
    }

    @Test
    void aChangeOfBudgetStartsAFreshWindow() {
        ResourceUnits ru = new ResourceUnits(4, 60);
        answered(ru, 4, T0);
        assertThrows(GraphError.class, () -> ru.charge(1, T0 + 1));
        ru.update(Json.obj().put("resourceUnitsPerWindow", 8));
        assertNull(answered(ru, 6, T0 + 2).headers.get("RateLimit-Limit"));
        ObjectNode j = Json.obj();
        ru.json(j);
        assertEquals(8, j.get("resourceUnitsPerWindow").asInt());
        assertEquals(60, j.get("resourceUnitWindowSeconds").asInt());
        assertThrows(GraphError.class, () -> ru.update(Json.obj().put("resourceUnitWindowSeconds", 0)));
    }
}
