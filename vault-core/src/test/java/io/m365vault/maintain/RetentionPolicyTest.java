package io.m365vault.maintain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365vault.backup.Workload;
import org.junit.jupiter.api.Test;

/** VAULT_RETENTION's JSON: defaults, overrides by workload, and one clear line for each kind of mistake. */
class RetentionPolicyTest {
    @Test
    void anEmptyObjectIsTheDefaults() {
        RetentionPolicy p = RetentionPolicy.parse("{}");
        for (Workload w : Workload.values()) {
            assertEquals(RetentionRule.DEFAULT, p.rule(w));
        }
        assertEquals(new RetentionRule(14, 31, 13, 12, 0, null), RetentionRule.DEFAULT);
    }

    @Test
    void aWorkloadOverridesTheTopLevelWhichOverridesTheDefaults() {
        RetentionPolicy p = RetentionPolicy.parse("""
                {"keepAllDays": 30, "monthly": 24, "deletedDays": 90,
                 "workloads": {"files": {"lastVersions": 20, "daily": 0}, "mail": {"deletedDays": null}}}""");
        assertEquals(new RetentionRule(30, 31, 13, 24, 0, 90), p.rule(Workload.CALENDAR));
        assertEquals(new RetentionRule(30, 0, 13, 24, 20, 90), p.rule(Workload.FILES));
        assertEquals(new RetentionRule(30, 31, 13, 24, 0, null), p.rule(Workload.MAIL));
        assertEquals(p.rule(Workload.CALENDAR), p.rule(null), "a row of no known workload gets the top-level rule");
    }

    @Test
    void mistakesAreOneLineNamingTheField() {
        assertMessage("{\"keepAll\": 3}", "unknown field 'keepAll'");
        assertMessage("{\"workloads\": {\"mail\": {\"workloads\": {}}}}", "unknown field 'workloads.mail.workloads'");
        assertMessage("{\"workloads\": {\"email\": {}}}", "workloads: unknown workload 'email'");
        assertMessage("{\"daily\": -1}", "daily must be a whole number from 0 to 3650, got -1");
        assertMessage("{\"daily\": 1.5}", "daily must be a whole number from 0 to 3650, got 1.5");
        assertMessage("{\"daily\": \"7\"}", "daily must be a whole number from 0 to 3650, got \"7\"");
        assertMessage("{\"monthly\": 5000}", "monthly must be a whole number from 0 to 3650, got 5000");
        assertMessage("{\"deletedDays\": 0}", "deletedDays must be a whole number from 1 to 3650");
        assertMessage("{\"workloads\": {\"files\": {\"lastVersions\": true}}}", "workloads.files.lastVersions must be a whole number");
        assertMessage("{\"workloads\": []}", "workloads must be an object");
        assertMessage("[1]", "must be a JSON object");
        assertMessage("{\"daily\": 3} x", "is not valid JSON");
        assertMessage("{\"daily\": ", "is not valid JSON");
    }

    private static void assertMessage(String json, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RetentionPolicy.parse(json));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
