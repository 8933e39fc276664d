package io.m365vault.restore;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The mboxrd body quoting: every line that matches {@code >*From } gets one more '>' in front, so
 * a reader removes exactly one from every such line and gets the message back unchanged. Works on
 * a stream: only the start of a line is held back until it is clear whether it needs quoting.
 * Closing it flushes but does not close the stream underneath (the mbox goes on).
 */
final class MboxrdQuoting extends FilterOutputStream {
    private static final byte[] FROM = {'F', 'r', 'o', 'm', ' '};

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean lineStart = true;
    private int lastByte = -1;

    MboxrdQuoting(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        lastByte = b & 0xff;
        if (!lineStart) {
            out.write(b);
            lineStart = b == '\n';
            return;
        }
        pending.write(b);
        byte[] p = pending.toByteArray();
        int quotes = 0;
        while (quotes < p.length && p[quotes] == '>') {
            quotes++;
        }
        int matched = p.length - quotes;
        if (matched == 0) {
            return; // only '>' so far
        }
        if (matched <= FROM.length && p[p.length - 1] == FROM[matched - 1]) {
            if (matched == FROM.length) {
                out.write('>');
                emit(false);
            }
            return;
        }
        emit(b == '\n');
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int end = off + len;
        int i = off;
        while (i < end) {
            if (lineStart) {
                write(b[i++]);
                continue;
            }
            // The rest of a line goes through in one piece.
            int nl = i;
            while (nl < end && b[nl] != '\n') {
                nl++;
            }
            int stop = nl < end ? nl + 1 : end;
            out.write(b, i, stop - i);
            lastByte = b[stop - 1] & 0xff;
            lineStart = nl < end;
            i = stop;
        }
    }

    /** True when the last byte written ended a line (or nothing was written). */
    boolean endsWithNewline() {
        return lastByte == -1 || lastByte == '\n';
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        emit(lineStart);
        out.flush();
    }

    private void emit(boolean atLineStart) throws IOException {
        pending.writeTo(out);
        pending.reset();
        lineStart = atLineStart;
    }
}
