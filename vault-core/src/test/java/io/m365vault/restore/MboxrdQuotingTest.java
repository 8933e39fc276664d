package io.m365vault.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MboxrdQuotingTest {
    @Test
    void fromLinesGetOneMoreQuote() throws IOException {
        assertEquals(">From a\n>>From b\n>>>From c\nFrom-x\n From d\nFro\n", quote("From a\n>From b\n>>From c\nFrom-x\n From d\nFro\n"));
        assertEquals(">From \r\nbody\r\nFrom", quote("From \r\nbody\r\nFrom"));
        assertEquals("Fro", quote("Fro"));
        assertEquals(">>", quote(">>"));
    }

    @Test
    void byteAtATimeAndBulkWritesAgree() throws IOException {
        Random r = new Random(5);
        String[] parts = {"From ", ">", "F", "rom", "\n", "\r\n", "x", " ", ">From "};
        for (int round = 0; round < 200; round++) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < 40; i++) {
                s.append(parts[r.nextInt(parts.length)]);
            }
            byte[] in = s.toString().getBytes(StandardCharsets.US_ASCII);
            ByteArrayOutputStream one = new ByteArrayOutputStream();
            try (MboxrdQuoting q = new MboxrdQuoting(one)) {
                for (byte b : in) {
                    q.write(b);
                }
            }
            assertEquals(quote(s.toString()), one.toString(StandardCharsets.US_ASCII), s.toString());
            // the reader's rule undoes it exactly
            assertEquals(s.toString(), one.toString(StandardCharsets.US_ASCII).replaceAll("(?m)^>(>*From )", "$1"));
        }
    }

    private static String quote(String s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MboxrdQuoting q = new MboxrdQuoting(out)) {
            q.write(s.getBytes(StandardCharsets.US_ASCII));
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
