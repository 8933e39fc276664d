package io.m365vault.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Base64;

/** Settings that fail as a misconfigured deployment does: a port nothing listens on, a key the account refuses. */
public final class Misconfigured {
    private Misconfigured() {
    }

    /** A local port nothing listens on (it was free a moment ago). */
    public static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The connection string with every endpoint moved to {@code port}. */
    public static String endpointsOn(String connectionString, int port) {
        return connectionString.replaceAll("(Endpoint=https?://[^:/;]+):\\d+", "$1:" + port);
    }

    /** The connection string with a well-formed account key that is not the account's. */
    public static String wrongKey(String connectionString) {
        return connectionString.replaceAll("AccountKey=[^;]+", "AccountKey=" + Base64.getEncoder().encodeToString(new byte[64]));
    }
}
