package io.m365vault.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The queue settings of the root host.json (packaged into the jar by vault-cli's pom), so
 * {@code vault serve} gives up on a message after as many attempts as the Functions host does.
 */
record HostQueues(int maxDequeueCount) {
    static final HostQueues HOST_JSON = read();

    private static HostQueues read() {
        try (InputStream in = HostQueues.class.getResourceAsStream("/host.json")) {
            if (in == null) {
                throw new IllegalStateException("host.json is not on the class path: vault-cli's pom packages the root host.json");
            }
            JsonNode queues = new ObjectMapper().readTree(in).path("extensions").path("queues");
            // The host's default when host.json leaves it out.
            return new HostQueues(queues.path("maxDequeueCount").asInt(5));
        } catch (IOException e) {
            throw new UncheckedIOException("host.json cannot be read", e);
        }
    }
}
