package io.m365vault.graph;

import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A downloaded body that survives a connection cut midway: it asks again from the byte it
 * reached ({@code Range}, answered 206 by drive download hosts) or, from a server that ignores
 * Range and answers 200, reads and drops the bytes it already has. Each resume is a retry of the
 * key and counts against {@link ThrottleConfig#maxAttempts()}.
 */
final class ResumingStream extends InputStream {
    private static final Logger LOG = LoggerFactory.getLogger(ResumingStream.class);
    private final GraphRequests requests;
    private final String url;
    private final Map<String, String> headers;
    private final String key;
    private final ThrottleGovernor governor;
    private Response response;
    private InputStream in;
    private long offset;
    private int attempts = 1;
    private boolean closed;

    /** The body of {@code url} from byte {@code from} on (0: all of it). */
    ResumingStream(GraphRequests requests, String url, Map<String, String> headers, String key, ThrottleGovernor governor, long from)
            throws IOException {
        this.requests = requests;
        this.url = url;
        this.headers = Map.copyOf(headers);
        this.key = key;
        this.governor = governor;
        this.offset = from;
        connect();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("stream of " + where() + " is closed");
        }
        while (true) {
            try {
                int n = in.read(b, off, len);
                if (n > 0) {
                    offset += n;
                }
                return n;
            } catch (IOException e) {
                if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)) {
                    throw e;
                }
                resume(e);
            }
        }
    }

    private void resume(IOException cause) throws IOException {
        response.close();
        if (attempts >= governor.config().maxAttempts()) {
            governor.failed(key);
            throw new GraphRetriesExhaustedException("GET", where(), attempts, -1, "cut off at byte " + offset + ": " + cause, cause);
        }
        attempts++;
        governor.retried(key);
        Duration wait = Backoff.delay(governor.config(), attempts - 1);
        LOG.debug("graph download resume key={} url={} offset={} attempt={} error={}", key, where(), offset, attempts, cause.toString());
        try {
            TimeUnit.NANOSECONDS.sleep(wait.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while resuming " + where());
        }
        connect();
    }

    /** Asks for the body from {@link #offset} on. */
    private void connect() throws IOException {
        Map<String, String> again = new java.util.HashMap<>(headers);
        if (offset > 0) {
            again.put("Range", "bytes=" + offset + "-");
        }
        response = requests.getExpecting(url, again, 200, 206);
        in = response.body().byteStream();
        if (response.code() == 206) {
            String range = response.header("Content-Range", "");
            if (!range.startsWith("bytes " + offset + "-")) {
                response.close();
                throw new IOException(where() + " answered Content-Range '" + range + "' to a request for bytes from " + offset);
            }
        } else {
            skipAlreadyRead();
        }
    }

    private void skipAlreadyRead() throws IOException {
        long left = offset;
        byte[] drop = new byte[8192];
        while (left > 0) {
            int n = in.read(drop, 0, (int) Math.min(drop.length, left));
            if (n == -1) {
                throw new IOException(where() + " ended at byte " + (offset - left) + " on a retry, before the " + offset + " bytes read before");
            }
            left -= n;
        }
    }

    private String where() {
        return ThrottleInterceptor.withoutQuery(okhttp3.HttpUrl.get(url));
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            response.close();
        }
    }
}
