package io.m365vault.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutorService;

/**
 * Downloads content ahead of the writer, within a window bounded in bytes: a page of a hundred
 * messages with 150 MB attachments runs in a small heap. Fetches start in the order they are
 * asked for and are read in that order. The one being read may always buffer up to
 * {@link #ACTIVE_BYTES} (its reader drains it, so it never waits on the others); the rest wait
 * while the window is full. The executor must run tasks in order (a fixed pool), so the fetch
 * being read has always started.
 */
public final class ContentWindow {
    private static final int BLOCK = 64 << 10;
    private static final long ACTIVE_BYTES = 1 << 20;

    private final ExecutorService fetchers;
    private final long limit;
    private long buffered;
    private long peak;

    ContentWindow(ExecutorService fetchers, long limitBytes) {
        this.fetchers = fetchers;
        this.limit = limitBytes;
    }

    /** The content source of one fetch; called on a fetcher thread. */
    @FunctionalInterface
    interface Source {
        InputStream open() throws IOException;
    }

    /** Starts downloading; read the result with {@link Fetch#stream()}, once, and close it. */
    Fetch fetch(Source source) {
        Fetch f = new Fetch();
        fetchers.execute(() -> f.download(source));
        return f;
    }

    /** The most bytes all fetches held at once so far. */
    synchronized long peak() {
        return peak;
    }

    /** One download and its buffered blocks. */
    final class Fetch {
        private final ArrayDeque<byte[]> blocks = new ArrayDeque<>();
        private long held;
        private boolean active;
        private boolean done;
        private boolean cancelled;
        private IOException error;

        private void download(Source source) {
            try (InputStream in = source.open()) {
                while (true) {
                    byte[] block = in.readNBytes(BLOCK);
                    if (block.length == 0 || !offer(block)) {
                        break;
                    }
                    if (block.length < BLOCK) {
                        break;
                    }
                }
            } catch (IOException e) {
                fail(e);
            } catch (RuntimeException e) {
                fail(new IOException(e.toString(), e));
            } finally {
                synchronized (ContentWindow.this) {
                    done = true;
                    ContentWindow.this.notifyAll();
                }
            }
        }

        private boolean offer(byte[] block) throws InterruptedIOException {
            synchronized (ContentWindow.this) {
                while (!cancelled && !(active ? held < ACTIVE_BYTES : buffered + block.length <= limit)) {
                    await();
                }
                if (cancelled) {
                    return false;
                }
                blocks.add(block);
                held += block.length;
                buffered += block.length;
                peak = Math.max(peak, buffered);
                ContentWindow.this.notifyAll();
                return true;
            }
        }

        private void fail(IOException e) {
            synchronized (ContentWindow.this) {
                error = e;
            }
        }

        /** The content as it arrives; an error of the download surfaces from read. Closing it before the end cancels the download. */
        InputStream stream() {
            synchronized (ContentWindow.this) {
                active = true;
                ContentWindow.this.notifyAll();
            }
            return new InputStream() {
                private byte[] current;
                private int pos;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (len == 0) {
                        return 0;
                    }
                    if (current == null || pos == current.length) {
                        current = next();
                        pos = 0;
                        if (current == null) {
                            return -1;
                        }
                    }
                    int n = Math.min(len, current.length - pos);
                    System.arraycopy(current, pos, b, off, n);
                    pos += n;
                    return n;
                }

                @Override
                public void close() {
                    cancel();
                }
            };
        }

        private byte[] next() throws IOException {
            synchronized (ContentWindow.this) {
                while (blocks.isEmpty() && !done) {
                    await();
                }
                if (!blocks.isEmpty()) {
                    byte[] b = blocks.remove();
                    held -= b.length;
                    buffered -= b.length;
                    ContentWindow.this.notifyAll();
                    return b;
                }
                if (error != null) {
                    throw error;
                }
                return null;
            }
        }

        /** Stops the download and frees what it holds; a fetch that is never read must be cancelled. */
        void cancel() {
            synchronized (ContentWindow.this) {
                cancelled = true;
                buffered -= held;
                held = 0;
                blocks.clear();
                ContentWindow.this.notifyAll();
            }
        }

        private void await() throws InterruptedIOException {
            try {
                ContentWindow.this.wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while downloading");
            }
        }
    }
}
