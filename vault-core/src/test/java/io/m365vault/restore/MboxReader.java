package io.m365vault.restore;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** A minimal mboxrd reader for tests: splits at From_ lines, unquotes one '>' from {@code >+From } lines. */
final class MboxReader {
    private MboxReader() {
    }

    static List<byte[]> read(byte[] mbox) {
        List<byte[]> out = new ArrayList<>();
        ByteArrayOutputStream current = null;
        int i = 0;
        while (i < mbox.length) {
            int end = i;
            while (end < mbox.length && mbox[end] != '\n') {
                end++;
            }
            int next = Math.min(mbox.length, end + 1);
            if (startsWith(mbox, i, "From ")) {
                if (current != null) {
                    out.add(finish(current));
                }
                current = new ByteArrayOutputStream();
            } else {
                if (current == null) {
                    throw new AssertionError("mbox does not start with a From_ line");
                }
                int q = i;
                while (q < end && mbox[q] == '>') {
                    q++;
                }
                int from = q > i && startsWith(mbox, q, "From ") ? i + 1 : i;
                current.write(mbox, from, next - from);
            }
            i = next;
        }
        if (current != null) {
            out.add(finish(current));
        }
        return out;
    }

    /** Drops the blank line that ends each message. */
    private static byte[] finish(ByteArrayOutputStream m) {
        byte[] b = m.toByteArray();
        if (b.length == 0 || b[b.length - 1] != '\n') {
            throw new AssertionError("mbox message does not end with its blank line");
        }
        return java.util.Arrays.copyOf(b, b.length - 1);
    }

    private static boolean startsWith(byte[] b, int at, String s) {
        if (at + s.length() > b.length) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (b[at + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
