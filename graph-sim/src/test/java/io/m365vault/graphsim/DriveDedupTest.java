package io.m365vault.graphsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.graphsim.model.SimUser;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The dedup knob: one tenant-wide file content appears in many users' OneDrives. */
class DriveDedupTest {
    @Test
    void theSharedFileHasOneContentAcrossOneDrives() throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(3).users(12).filesPerDrive(20).set("dedup-fraction", "0.3").build().start()) {
            Set<String> hashes = new HashSet<>();
            int drives = 0;
            for (int i = 0; i < 12; i++) {
                SimUser u = sim.tenant().directory().user(i);
                if (!u.hasOneDrive()) {
                    continue;
                }
                boolean found = false;
                for (JsonNode f : sim.snapshot(u.id).path("files")) {
                    if (f.path("path").asText().contains("/Contoso-Brand-Guide-")) {
                        hashes.add(f.get("sha256").asText());
                        found = true;
                    }
                }
                drives += found ? 1 : 0;
            }
            assertTrue(drives >= 2, "the shared file is in several OneDrives: " + drives);
            assertEquals(1, hashes.size(), "with one content: " + hashes);
        }
    }
}
