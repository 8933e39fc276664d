package io.m365vault.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChunkerParamsTest {
    @Test
    void workloadsMapToTheirSizes() {
        for (String w : new String[] {"mail", "calendar", "contacts"}) {
            assertEquals(ChunkerParams.SMALL, ChunkerParams.forWorkload(w));
        }
        for (String w : new String[] {"files", "lists", "pages"}) {
            assertEquals(ChunkerParams.FILES, ChunkerParams.forWorkload(w));
        }
        assertEquals(new ChunkerParams(16384, 65536, 262144), ChunkerParams.SMALL);
        assertEquals(new ChunkerParams(262144, 1048576, 4194304), ChunkerParams.FILES);
    }

    @Test
    void unknownWorkloadIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> ChunkerParams.forWorkload("teams"));
        assertTrue(e.getMessage().contains("'teams'"), e.getMessage());
    }

    @Test
    void inconsistentSizesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ChunkerParams(4096, 4096, 8192));
        assertThrows(IllegalArgumentException.class, () -> new ChunkerParams(4096, 16384, 8192));
        assertThrows(IllegalArgumentException.class, () -> new ChunkerParams(4096, 10000, 65536));
        assertThrows(IllegalArgumentException.class, () -> new ChunkerParams(16, 1024, 4096));
        // Readers refuse chunks beyond ChunkerParams.LARGEST, so no parameters may make one.
        assertThrows(IllegalArgumentException.class, () -> new ChunkerParams(1 << 20, 4 << 20, ChunkerParams.LARGEST + 1));
    }
}
