package io.m365vault.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GraphTimeZonesTest {
    @Test
    void everyWindowsNameMapsToAZoneTheJdkKnows() {
        assertTrue(GraphTimeZones.windowsNames().size() > 130);
        for (String name : GraphTimeZones.windowsNames().stringPropertyNames()) {
            assertTrue(GraphTimeZones.resolve(name).isPresent(), name);
        }
    }

    @Test
    void windowsIanaUtcAndUnknownNames() {
        assertEquals(Optional.of(ZoneId.of("Europe/Berlin")), GraphTimeZones.resolve("W. Europe Standard Time"));
        assertEquals(Optional.of(ZoneId.of("America/Los_Angeles")), GraphTimeZones.resolve("Pacific Standard Time"));
        assertEquals(Optional.of(ZoneId.of("Asia/Tokyo")), GraphTimeZones.resolve("Asia/Tokyo"));
        assertEquals(Optional.of(ZoneOffset.UTC), GraphTimeZones.resolve("UTC"));
        assertEquals(Optional.empty(), GraphTimeZones.resolve("tzone://Microsoft/Custom"));
        assertEquals(ZoneOffset.UTC, GraphTimeZones.orUtc(null));
    }
}
