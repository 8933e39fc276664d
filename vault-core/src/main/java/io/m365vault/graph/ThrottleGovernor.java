package io.m365vault.graph;

import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Graph's throttling, kept on our side per mailbox/drive (see {@link ThrottleKeys}): at most
 * {@link ThrottleConfig#maxInFlight()} requests in flight, at most
 * {@link ThrottleConfig#requestsPerWindow()} per window, and a pause of the key after a 429
 * that every later request of that key waits out. Other keys are never held up, but for
 * SharePoint's resource units, which are the app's in the whole tenant: SharePoint requests of
 * every key are paced together by the RateLimit headers ({@link ResourceUnitPacer}). One governor
 * per tenant, shared by every client of that tenant; {@link ThrottleInterceptor} applies it.
 */
public final class ThrottleGovernor {
    private static final Logger LOG = LoggerFactory.getLogger(ThrottleGovernor.class);
    private final ThrottleConfig config;
    private final GovernorListener listener;
    private final ConcurrentHashMap<String, KeyState> keys = new ConcurrentHashMap<>();
    private final ResourceUnitPacer resourceUnits = new ResourceUnitPacer();
    private final DownloadKeys downloads = new DownloadKeys();

    public ThrottleGovernor(ThrottleConfig config) {
        this(config, GovernorListener.NONE);
    }

    public ThrottleGovernor(ThrottleConfig config, GovernorListener listener) {
        this.config = config;
        this.listener = listener;
    }

    public ThrottleConfig config() {
        return config;
    }

    GovernorListener listener() {
        return listener;
    }

    /** A slot of one key; release it exactly once, when the response (body included) is done. */
    interface Permit {
        void release();
    }

    /** Counters of one key; {@link KeyStats#ZERO} for a key never used. */
    public KeyStats stats(String key) {
        KeyState s = keys.get(key);
        return s == null ? KeyStats.ZERO : s.snapshot();
    }

    /** Counters of every key used so far, by key. */
    public Map<String, KeyStats> statsByKey() {
        Map<String, KeyStats> out = new TreeMap<>();
        keys.forEach((k, s) -> out.put(k, s.snapshot()));
        return out;
    }

    public KeyStats totals() {
        KeyStats t = KeyStats.ZERO;
        for (KeyState s : keys.values()) {
            t = t.plus(s.snapshot());
        }
        return t;
    }

    /** The tenant's SharePoint resource units: what was sent, what SharePoint reported, how much waiting that cost. */
    public ResourceUnitStats resourceUnits() {
        return resourceUnits.stats();
    }

    /** The key {@code url} is throttled under: its drive's for a download URL a drive issued, else {@link ThrottleKeys#of}. */
    public String keyOf(HttpUrl url) {
        String issuer = downloads.key(url);
        return issuer != null ? issuer : ThrottleKeys.of(url);
    }

    /** {@code downloadUrl}, a pre-authenticated URL, was handed out by the Graph resource at {@code issuerUrl} (a drive or its item). */
    public void issued(String downloadUrl, String issuerUrl) {
        downloads.register(downloadUrl, ThrottleKeys.of(HttpUrl.get(issuerUrl)));
    }

    boolean isDownload(HttpUrl url) {
        return downloads.key(url) != null;
    }

    /** Requests of {@code key} in flight right now. */
    public int inFlight(String key) {
        KeyState s = keys.get(key);
        return s == null ? 0 : config.maxInFlight() - s.slots.availablePermits();
    }

    /**
     * Waits for a slot of {@code key}, the end of its pause, room in its budget and, for a
     * SharePoint request ({@code units} above 0), the tenant's resource units, then counts the
     * request as sent. Holding the slot while waiting is harmless: the whole key waits anyway.
     * Tell {@link #answered} when the answer arrives.
     */
    Permit acquire(String key, int units) throws InterruptedIOException {
        KeyState s = state(key);
        try {
            s.slots.acquire();
        } catch (InterruptedException e) {
            throw interrupted(key);
        }
        try {
            while (true) {
                long now = System.nanoTime();
                long pause = s.pausedUntil.get() - now;
                long wait = pause > 0 ? pause : s.budget.tryTake(now);
                if (wait <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            for (boolean waited = false; units > 0; waited = true) {
                long wait = resourceUnits.tryTake(units, System.nanoTime(), waited);
                if (wait <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        } catch (InterruptedException e) {
            s.slots.release();
            throw interrupted(key);
        }
        s.requests.increment();
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                s.slots.release();
            }
        };
    }

    /**
     * The answer to a request of {@code units} SharePoint units arrived ({@code limits} its RateLimit
     * headers, null when none) or the request failed: SharePoint's report now paces the tenant.
     */
    void answered(int units, RateLimitHeaders limits) {
        if (units <= 0) {
            return; // not SharePoint's: RateLimit headers elsewhere would be another service's limit
        }
        resourceUnits.answered(units);
        if (limits != null && resourceUnits.report(limits, System.nanoTime())) {
            LOG.info("graph sharepoint units low limit={} remaining={} resetSeconds={}: pacing the tenant's SharePoint requests until the reset",
                    limits.limit(), limits.remaining(), limits.resetSeconds());
        }
    }

    /**
     * A 429 on {@code key}: no request of the key starts before {@code pause} has passed; on a
     * SharePoint request ({@code units} above 0) no SharePoint request of the tenant does either,
     * since SharePoint's budget is the app's in the whole tenant.
     */
    void throttled(String key, Duration pause, int units) {
        if (units > 0) {
            resourceUnits.exhausted(pause.toNanos(), System.nanoTime());
        }
        KeyState s = state(key);
        if (!pause.isZero()) {
            long until = System.nanoTime() + pause.toNanos();
            s.pausedUntil.accumulateAndGet(until, (a, b) -> a - b >= 0 ? a : b);
        }
        // Counted once the pause holds: a reader of the count finds the key paused.
        s.throttled.increment();
    }

    void retried(String key) {
        state(key).retries.increment();
    }

    void failed(String key) {
        state(key).failed.increment();
    }

    private KeyState state(String key) {
        return keys.computeIfAbsent(key, k -> new KeyState(config));
    }

    private static InterruptedIOException interrupted(String key) {
        Thread.currentThread().interrupt();
        return new InterruptedIOException("interrupted while waiting for Graph throttle key " + key);
    }

    private static final class KeyState {
        final Semaphore slots;
        final RequestBudget budget;
        final AtomicLong pausedUntil = new AtomicLong(System.nanoTime());
        final LongAdder requests = new LongAdder();
        final LongAdder throttled = new LongAdder();
        final LongAdder retries = new LongAdder();
        final LongAdder failed = new LongAdder();

        KeyState(ThrottleConfig c) {
            slots = new Semaphore(c.maxInFlight(), true);
            budget = new RequestBudget(c.requestsPerWindow(), c.window().toNanos());
        }

        KeyStats snapshot() {
            return new KeyStats(requests.sum(), throttled.sum(), retries.sum(), failed.sum());
        }
    }
}
