package io.m365vault.graphsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.models.Drive;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

/**
 * A drive's quota as the typed SDK reads it (total from drive-quota-mb, used, remaining, state)
 * and as the snapshot shows it, and a write past it refused 507 quotaLimitReached, as OneDrive does.
 */
class DriveQuotaSdkTest {
    @Test
    void theQuotaIsShownAndAWritePastItIsRefused() throws Exception {
        GraphSim.Builder tenant = GraphSim.builder().seed(22).users(8).filesPerDrive(5);
        long used;
        String user;
        try (GraphSim probe = tenant.build().start()) {
            user = probe.tenant().directory().user(0).id;
            used = probe.snapshot(user).path("driveQuota").get(0).get("used").asLong();
        }
        long total = (used / (1024 * 1024) + 1) * 1024 * 1024;
        try (GraphSim sim = tenant.set("drive-quota-mb", Long.toString(total / (1024 * 1024))).build().start()) {
            GraphServiceClient graph = SdkClients.forSim(sim);
            Drive drive = graph.users().byUserId(user).drive().get();
            assertEquals(total, drive.getQuota().getTotal());
            assertEquals(used, drive.getQuota().getUsed());
            assertEquals(total - used, drive.getQuota().getRemaining());
            assertEquals("normal", drive.getQuota().getState());
            JsonNode shown = sim.snapshot(user).path("driveQuota").get(0);
            assertEquals(drive.getId(), shown.get("driveId").asText());
            assertEquals(total - used, shown.get("remaining").asLong());

            var items = graph.drives().byDriveId(drive.getId()).items();
            byte[] fits = new byte[(int) (total - used)];
            items.byDriveItemId("root:/fits.bin:").content().put(new ByteArrayInputStream(fits));
            assertEquals("exceeded", graph.drives().byDriveId(drive.getId()).get().getQuota().getState(), "full to the byte");
            ApiException full = assertThrows(ApiException.class,
                    () -> items.byDriveItemId("root:/one-more.bin:").content().put(new ByteArrayInputStream(new byte[1])));
            assertEquals(507, full.getResponseStatusCode());
            assertEquals(0, sim.snapshot(user).path("driveQuota").get(0).get("remaining").asLong());
        }
    }
}
