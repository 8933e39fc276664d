package io.m365vault.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackupMessageTest {
    static final String RUN = TimeIds.next(Instant.parse("2026-11-25T12:00:00Z"));

    @Test
    void roundTrips() {
        BackupMessage m = new BackupMessage(RUN, new PlannedItem(new ProtectedItem("site", "contoso.sharepoint.com,a-1,b-2"),
                Set.of(Workload.FILES, Workload.LISTS)));
        assertEquals(m, BackupMessage.parse(m.toJson()));
    }

    /** The same ids the HTTP API refuses: they would end up in Graph paths and table keys. */
    @Test
    void refusesItemIdsThatStepOutOfAPath() {
        for (String item : new String[] {"user:../../etc/passwd", "user:a/b", "user:a%2Fb", "user:a\\\\b", "user:a\\u0000b", "file:x", "user:"}) {
            String json = "{\"run\":\"" + RUN + "\",\"item\":\"" + item + "\",\"workloads\":[\"mail\"]}";
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> BackupMessage.parse(json), json);
            assertTrue(e.getMessage().startsWith("backup message: item must be user:<id or UPN>"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        }
    }
}
