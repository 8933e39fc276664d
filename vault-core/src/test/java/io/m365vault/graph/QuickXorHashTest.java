package io.m365vault.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QuickXorHashTest {
    /** Input and hash, base64, as published with rclone's OneDrive backend (its test vectors) and OneDrive's docs. */
    private static final String[][] VECTORS = {
        {"", "AAAAAAAAAAAAAAAAAAAAAAAAAAA="},
        {"Sg==", "SgAAAAAAAAAAAAAAAQAAAAAAAAA="},
        {"tbQ=", "taAFAAAAAAAAAAAAAgAAAAAAAAA="},
        {"0pZP", "0rDEEwAAAAAAAAAAAwAAAAAAAAA="},
        {"jRRDVA==", "jaDAEKgAAAAAAAAABAAAAAAAAAA="},
        {"n6Neh7p6fFgm", "nxiFFw6hCz3wAQsmCQAAAAAAAAA="},
        {"h490d57Pqz5q2rtT", "h3gEHe7giWeswgdq3MYupgAAAAA="},
        {"2fuxhBJXtpWFe8dOfdGeHw==", "O9tHLAghgSvYohKFyMMxnNCHaHg="},
        {"T6LYJIfDh81JrAK309H2JMJTXis=", "zBTHrspn3mEcohlJdIUAbjGNaNg="},
        {"DWAAX5/CIfrmErgZa8ot6ZraeSbu", "LR2Z0PjuRYGKQB/mhQAuMrAGZbQ="},
        {"LlUe7wHerLqEtbSZLZgZa9u0m7hbiFs=", "TqVZpxs3cN61BnuFvwUtMtECTGQ="},
    };

    @Test
    void publishedVectors() {
        for (String[] v : VECTORS) {
            assertEquals(v[1], QuickXorHash.of(Base64.getDecoder().decode(v[0])), "input " + v[0]);
        }
        assertEquals("aCgDG9jwBhDc4Q1yawMZAAAAAAA=", QuickXorHash.of("hello world".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void anySplitOfTheInputHashesAlike() {
        byte[] data = new byte[1_000_003];
        new SplittableRandom(5).nextBytes(data);
        String whole = QuickXorHash.of(data);
        SplittableRandom r = new SplittableRandom(9);
        for (int round = 0; round < 5; round++) {
            QuickXorHash h = new QuickXorHash();
            int at = 0;
            while (at < data.length) {
                int n = Math.min(data.length - at, 1 + r.nextInt(round == 0 ? 3 : 70_000));
                h.update(data, at, n);
                at += n;
            }
            assertEquals(whole, h.base64());
            assertEquals(data.length, h.length());
        }
    }
}
