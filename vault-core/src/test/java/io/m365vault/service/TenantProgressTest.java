package io.m365vault.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A tenant restore's rate and time left, and the job row they are kept on. */
class TenantProgressTest {
    @Test
    void theRateIsItemsAMinuteAndTheTimeLeftIsWhatRemainsAtThatRate() {
        TenantProgress p = TenantProgress.at(100, 25, 20, 3, 2, 1_000, 10.0, List.of("contact x: 400"));
        assertEquals(150, p.perMinute(), "25 items in 10 s");
        assertEquals(30, p.etaSeconds(), "75 left at 2.5 a second");
        assertEquals(-1, TenantProgress.at(100, 0, 0, 0, 0, 0, 5.0, List.of()).etaSeconds(), "no rate yet, no time left");
        assertEquals(0, TenantProgress.at(40, 40, 40, 0, 0, 0, 8.0, List.of()).etaSeconds(), "done");
    }

    @Test
    void aRowKeepsTheProgressAndARunningRowOnlyWhatItsListenerKnows() {
        Map<String, Object> row = new HashMap<>();
        TenantProgress p = TenantProgress.at(100, 25, 20, 3, 2, 1_000, 10.0, List.of("mail message a: 400", "contact b: 400"));
        p.write(row);
        assertEquals(p, TenantProgress.of(row));
        Map<String, Object> running = new HashMap<>();
        TenantProgress.running(running, 100, 50, 2_000, 20.0);
        TenantProgress r = TenantProgress.of(running);
        assertEquals(new TenantProgress(100, 50, 0, 0, 0, 2_000, 150, 20, List.of()), r);
    }
}
