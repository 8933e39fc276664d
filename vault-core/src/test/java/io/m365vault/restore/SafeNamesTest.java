package io.m365vault.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SafeNamesTest {
    @Test
    void separatorsControlsAndReservedNamesAreDefused() {
        assertEquals(".._.._etc_passwd", SafeNames.segment("../../etc/passwd", "x"));
        assertEquals("x", SafeNames.segment("..", "x"));
        assertEquals("x", SafeNames.segment("  ", "x"));
        assertEquals("x", SafeNames.segment(null, "x"));
        assertEquals("_CON", SafeNames.segment("CON", "x"));
        assertEquals("_lpt1.txt", SafeNames.segment("lpt1.txt", "x"));
        assertEquals("CONTRACTS", SafeNames.segment("CONTRACTS", "x"));
        assertEquals("a_b_c_d_e", SafeNames.segment("a/b\\c:d\te", "x"));
        assertEquals("report", SafeNames.segment(" report. . ", "x"));
        assertEquals("bidi_name", SafeNames.segment("bidi\u202ename", "x"));
    }

    @Test
    void longNamesAreCutOnCodePoints() {
        String s = SafeNames.segment("ü".repeat(100) + "😀".repeat(50), "x");
        assertTrue(s.getBytes(StandardCharsets.UTF_8).length <= SafeNames.MAX_BYTES, s);
        assertEquals(s, new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        assertTrue(s.startsWith("üü"));
    }

    @Test
    void siblingsAreUniqueIgnoringCaseAndStable() {
        SafeNames.Siblings a = new SafeNames.Siblings();
        assertEquals("Inbox", a.claim("Inbox", "", ".mbox", "id1"));
        String second = a.claim("inbox", "", ".mbox", "id2");
        assertEquals("inbox ~" + SafeNames.tag("id2"), second);
        // a folder called "Inbox.mbox" would meet Inbox's mbox file
        assertNotEquals("Inbox.mbox", a.claim("Inbox.mbox", "", ".mbox", "id3"));
        SafeNames.Siblings b = new SafeNames.Siblings();
        b.claim("Inbox", "", ".mbox", "id1");
        assertEquals(second, b.claim("inbox", "", ".mbox", "id2"));
    }
}
