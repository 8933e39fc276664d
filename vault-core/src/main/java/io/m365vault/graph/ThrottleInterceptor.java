package io.m365vault.graph;

import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLPeerUnverifiedException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The governor in the SDK's OkHttp chain, in the place of Kiota's RetryHandler (which must not
 * also be there: it would retry 429s on its own, ignoring the other requests of the mailbox).
 * Every attempt takes a slot of its key; the slot is given back when the response body is
 * closed or read to its end, because Graph counts a download as in flight while it streams.
 * Retries 429, 503, 504 and I/O failures up to {@link ThrottleConfig#maxAttempts()}. SharePoint
 * requests (drives, sites, downloads) also spend the tenant's resource units: every answer's
 * RateLimit headers go to the governor, which paces the tenant's next SharePoint requests by them.
 */
public final class ThrottleInterceptor implements Interceptor {
    private static final Logger LOG = LoggerFactory.getLogger(ThrottleInterceptor.class);
    /** Bodies above this are not buffered for replay, so such requests get one attempt. */
    private static final long MAX_REPLAY_BODY = 16L << 20;
    private final ThrottleGovernor governor;

    public ThrottleInterceptor(ThrottleGovernor governor) {
        this.governor = governor;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        boolean once = makesSomething(chain.request());
        Request request = replayable(chain.request(), once);
        String key = governor.keyOf(request.url());
        int units = ResourceUnitEstimate.of(request.method(), request.url(), governor.isDownload(request.url()));
        String where = withoutQuery(request.url());
        ThrottleConfig config = governor.config();
        int maxAttempts = request.body() == null || request.body() instanceof ReplayBody ? config.maxAttempts() : 1;
        for (int attempt = 1; ; attempt++) {
            ThrottleGovernor.Permit permit = governor.acquire(key, units);
            governor.listener().sent(key, request.method(), where, attempt);
            Response response;
            try {
                response = chain.proceed(request);
            } catch (IOException e) {
                governor.answered(units, null);
                permit.release();
                if (once && mayHaveArrived(e)) {
                    governor.failed(key);
                    throw new GraphRetriesExhaustedException(request.method(), where, attempt, -1, SENT_ONCE + e, e);
                }
                if (!retryable(e, chain) || attempt >= maxAttempts) {
                    governor.failed(key);
                    throw new GraphRetriesExhaustedException(request.method(), where, attempt, -1, e.toString(), e);
                }
                Duration wait = Backoff.delay(config, attempt);
                LOG.debug("graph retry key={} url={} attempt={} error={} waitMs={}", key, where, attempt, e.toString(), wait.toMillis());
                retryAfter(key, wait);
                continue;
            }
            int status = response.code();
            governor.answered(units, RateLimitHeaders.of(response.headers()));
            if (status != 429 && status != 503 && status != 504) {
                governor.listener().completed(key, where, status);
                return releasingOnClose(response, permit);
            }
            Duration asked = RetryAfter.parse(response.header("Retry-After"), Instant.now());
            String detail = GraphErrorBody.parse(response.peekBody(8192).bytes()).summary();
            response.close();
            permit.release();
            if (status == 429) {
                // Listener first: its clock reading is then no later than the pause's start.
                governor.listener().throttled(key, where, asked);
                governor.throttled(key, asked, units);
            }
            // A gateway timeout says nothing of whether the service did it; 429 and 503 are answers from before it did.
            if (attempt >= maxAttempts || once && status == 504) {
                governor.failed(key);
                LOG.warn("graph request failed key={} method={} url={} attempts={} status={}", key, request.method(), where, attempt, status);
                throw new GraphRetriesExhaustedException(request.method(), where, attempt, status, status == 504 && once ? SENT_ONCE + detail : detail, null);
            }
            // A 429's pause is the key's and acquire() waits it out; a 503's Retry-After is this request's.
            Duration wait = asked.isZero() ? Backoff.delay(config, attempt) : status == 429 ? Duration.ZERO : asked;
            LOG.debug("graph retry key={} url={} attempt={} status={} retryAfterMs={} waitMs={}", key, where, attempt, status, asked.toMillis(), wait.toMillis());
            retryAfter(key, wait);
        }
    }

    private void retryAfter(String key, Duration wait) throws InterruptedIOException {
        governor.retried(key);
        if (wait.isZero()) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(wait.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while backing off a Graph request of " + key);
        }
    }

    /**
     * A POST that makes something each time it is served (a message, an event, a folder, a list
     * item, an attachment): sent again after its answer was lost it would make two. The others are
     * reads ({@code $batch}) or harmless twice (an upload session, a publish, a permanent delete).
     */
    private static boolean makesSomething(Request request) {
        if (!request.method().equals("POST")) {
            return false;
        }
        String path = request.url().encodedPath();
        return !(path.endsWith("/$batch") || path.endsWith("/createUploadSession") || path.endsWith("/publish")
                || path.endsWith("/permanentDelete"));
    }

    /** Whether the request may have reached the service: anything but a connection never made. */
    private static boolean mayHaveArrived(IOException e) {
        return !(e instanceof ConnectException || e instanceof UnknownHostException
                || e instanceof SocketTimeoutException && String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("connect"));
    }

    private static boolean retryable(IOException e, Chain chain) {
        if (chain.call().isCanceled() || e instanceof UnknownHostException || e instanceof SSLPeerUnverifiedException) {
            return false;
        }
        // Other InterruptedIOExceptions are our own cancellation; a socket timeout is the network's.
        return !(e instanceof InterruptedIOException) || e instanceof SocketTimeoutException;
    }

    static String withoutQuery(HttpUrl url) {
        return url.newBuilder().query(null).build().toString();
    }

    static final String SENT_ONCE = "sent once only: the answer was lost after the request went out, so it may have been done, and a second would "
            + "make a duplicate; re-run with skip-existing: ";

    /** The request with its body held in memory so a retry can send it again (Kiota's bodies read a stream once). */
    private static Request replayable(Request request, boolean once) throws IOException {
        RequestBody body = request.body();
        if (body == null || body instanceof ReplayBody || body.isOneShot() || body.isDuplex() || body.contentLength() > MAX_REPLAY_BODY) {
            return request;
        }
        Buffer buffer = new Buffer();
        body.writeTo(buffer);
        if (buffer.size() > MAX_REPLAY_BODY) {
            throw new IOException(request.method() + " " + withoutQuery(request.url()) + ": request body of unknown length over "
                    + MAX_REPLAY_BODY + " bytes cannot be retried; send it with a known Content-Length");
        }
        return request.newBuilder().method(request.method(), new ReplayBody(body.contentType(), buffer.readByteArray(), once))
                .build();
    }

    private static final class ReplayBody extends RequestBody {
        private final MediaType type;
        private final byte[] bytes;
        private final boolean once;

        ReplayBody(MediaType type, byte[] bytes, boolean once) {
            this.type = type;
            this.bytes = bytes;
            this.once = once;
        }

        /** One-shot stops OkHttp's own silent retry of a request once it was sent; this interceptor's retries are its own. */
        @Override
        public boolean isOneShot() {
            return once;
        }

        @Override
        public MediaType contentType() {
            return type;
        }

        @Override
        public long contentLength() {
            return bytes.length;
        }

        @Override
        public void writeTo(okio.BufferedSink sink) throws IOException {
            sink.write(bytes);
        }
    }

    private static Response releasingOnClose(Response response, ThrottleGovernor.Permit permit) {
        ResponseBody body = response.body();
        if (body == null) {
            permit.release();
            return response;
        }
        BufferedSource source = Okio.buffer(new ForwardingSource(body.source()) {
            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                long n;
                try {
                    n = super.read(sink, byteCount);
                } catch (IOException e) {
                    permit.release();
                    throw e;
                }
                if (n == -1) {
                    permit.release();
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                permit.release();
                super.close();
            }
        });
        return response.newBuilder().body(ResponseBody.create(source, body.contentType(), body.contentLength())).build();
    }
}
