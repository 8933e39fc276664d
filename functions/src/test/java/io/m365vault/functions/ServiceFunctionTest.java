package io.m365vault.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ServiceFunctionTest {
    @Test
    void theFirstInvocationOfAWorkerProcessLogsItsJitModeHeapAndCryptoProviderAndLaterOnesDoNot() {
        ServiceFunction f = new ServiceFunction() { };
        ServiceFunction.REPORTED.set(false); // as in a fresh worker process
        TestContext first = new TestContext("BackupItem");
        TestContext second = new TestContext("BackupItem");
        // The process's services open from this JVM's environment, which has no settings: the line comes first.
        assertThrows(RuntimeException.class, () -> f.services(first));
        assertThrows(RuntimeException.class, () -> f.services(second));
        assertEquals(1, first.lines.size(), first.lines.toString());
        String line = first.lines.get(0);
        assertTrue(line.startsWith("INFO JVM 17"), line);
        assertTrue(line.contains("C2 (tiered)"), "surefire runs tests with C2: " + line);
        assertTrue(line.contains("heap max ") && line.contains(" MiB"), line);
        assertTrue(line.contains("SHA-256 by "), line);
        assertEquals(0, second.lines.size(), second.lines.toString());
    }

    @Test
    void servicesATestGivesLogNothing() {
        ServiceFunction f = new ServiceFunction() { };
        f.use(null);
        ServiceFunction.REPORTED.set(false);
        TestContext context = new TestContext("BackupItem");
        f.services(context);
        assertEquals(0, context.lines.size(), context.lines.toString());
    }
}
