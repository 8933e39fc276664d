package io.m365vault.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class TimesTest {
    @Test
    void acceptsTheIsoShapes() {
        assertEquals(Instant.parse("2026-11-25T14:00:00Z"), Times.parse("2026-11-25T14:00:00Z"));
        assertEquals(Instant.parse("2026-11-25T14:00:00Z"), Times.parse("2026-11-25T15:00+01:00"));
        assertEquals(Instant.parse("2026-11-25T14:00:00Z"), Times.parse("2026-11-25T14:00"));
        assertEquals(Instant.parse("2026-11-25T23:59:59.999Z"), Times.parse("2026-11-25"));
        Instant before = Instant.now();
        assertTrue(!Times.parse("now").isBefore(before));
    }

    @Test
    void refusesOtherShapesNamingTheValue() {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> Times.parse("yesterday"));
        assertTrue(e.getMessage().contains("'yesterday'") && e.getMessage().contains("ISO-8601"), e.getMessage());
        assertThrows(TypeConversionException.class, () -> Times.parse("2026-13-01"));
    }
}
