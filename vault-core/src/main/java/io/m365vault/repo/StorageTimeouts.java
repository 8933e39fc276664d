package io.m365vault.repo;

import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.util.HttpClientOptions;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import java.time.Duration;

/**
 * How long one storage call may take and how often it is tried. Without a bound a connection
 * that stops answering mid-run (storage unplugged, a half-open socket) hangs the worker for
 * ever; with these, each try gives up after {@code response} without an answer (or a body that
 * stalls that long) and the call fails after {@code tries} tries, so the run ends in a true state.
 *
 * @param connect  to open a connection
 * @param response to wait for an answer once the request is sent, and between reads of its body
 * @param tries    tries per call, the first included
 * @param delay    before the first retry; doubled each time up to {@code maxDelay}
 */
public record StorageTimeouts(Duration connect, Duration response, int tries, Duration delay, Duration maxDelay) {
    /** Production: a 64 MiB pack on a slow link still fits; a dead account fails a call in about 4.5 minutes at worst. */
    public static final StorageTimeouts DEFAULT = new StorageTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(60), 4,
            Duration.ofSeconds(4), Duration.ofSeconds(30));

    public StorageTimeouts {
        if (tries < 1) {
            throw new IllegalArgumentException("tries must be at least 1");
        }
    }

    HttpClientOptions httpOptions() {
        return new HttpClientOptions().setConnectTimeout(connect).setResponseTimeout(response)
                .setReadTimeout(response).setWriteTimeout(response);
    }

    /** Blobs and queues: the storage SDK's own retry policy. */
    RequestRetryOptions storageRetries() {
        return new RequestRetryOptions(RetryPolicyType.EXPONENTIAL, tries, (Duration) null, delay, maxDelay, null);
    }

    /** Tables: azure-core's retry policy. */
    RetryOptions tableRetries() {
        return new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(tries - 1).setBaseDelay(delay).setMaxDelay(maxDelay));
    }
}
