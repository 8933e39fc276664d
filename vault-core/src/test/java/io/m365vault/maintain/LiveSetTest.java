package io.m365vault.maintain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365vault.repo.ChunkId;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The compact live set answers as a set of ids would, through its growth and for an id whose first 64 bits are zero. */
class LiveSetTest {
    private static ChunkId id(Random r, boolean zeroPrefix) {
        byte[] b = new byte[ChunkId.LENGTH];
        r.nextBytes(b);
        if (zeroPrefix) {
            java.util.Arrays.fill(b, 0, 8, (byte) 0);
        }
        return ChunkId.of(b);
    }

    @Test
    void answersAsASetOfIds() {
        Random r = new Random(3);
        LiveSet live = new LiveSet();
        Set<ChunkId> added = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ChunkId id = id(r, i == 500);
            live.add(id);
            added.add(id);
            if (i % 7 == 0) {
                live.add(id); // again: no change
            }
        }
        assertEquals(added.size(), live.size());
        for (ChunkId id : added) {
            assertTrue(live.contains(id), id.toString());
        }
        for (int i = 0; i < 100_000; i++) {
            assertFalse(live.contains(id(r, false)));
        }
        assertFalse(new LiveSet().contains(id(r, true)));
    }
}
