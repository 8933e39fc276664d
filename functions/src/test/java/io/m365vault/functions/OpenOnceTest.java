package io.m365vault.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OpenOnceTest {
    @Test
    void aFailedOpenIsTriedAgainAndASuccessfulOneIsKept() {
        AtomicInteger calls = new AtomicInteger();
        Object opened = new Object();
        OpenOnce<Object> once = new OpenOnce<>(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("Key Vault answered 503");
            }
            return opened;
        });
        assertThrows(IllegalStateException.class, once::get);
        assertSame(opened, once.get(), "the second call opens again, and succeeds");
        assertSame(opened, once.get());
        assertEquals(2, calls.get(), "kept once made");
    }
}
