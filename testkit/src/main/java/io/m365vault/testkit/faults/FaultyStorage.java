package io.m365vault.testkit.faults;

import io.m365vault.testkit.strict.StrictProxy;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Three proxies, one per service, in front of an account's loopback endpoints (Azurite or the
 * strict layer), all applying one {@link FaultPlan}. Its connection string names the proxies.
 */
public final class FaultyStorage implements AutoCloseable {
    private static final Pattern ENDPOINT = Pattern.compile("(Blob|Queue|Table)Endpoint=http://127\\.0\\.0\\.1:(\\d+)/([^;]+)");

    private final String upstream;
    private final StrictProxy blob;
    private final StrictProxy queue;
    private final StrictProxy table;

    private FaultyStorage(String upstream, FaultPlan plan) {
        this.upstream = upstream;
        this.blob = StrictProxy.start(port(upstream, "Blob"), plan.interceptor(CallKind.Service.BLOB));
        this.queue = StrictProxy.start(port(upstream, "Queue"), plan.interceptor(CallKind.Service.QUEUE));
        this.table = StrictProxy.start(port(upstream, "Table"), plan.interceptor(CallKind.Service.TABLE));
    }

    /** In front of an account given by a connection string with loopback Blob, Queue and Table endpoints. */
    public static FaultyStorage inFrontOf(String connectionString, FaultPlan plan) {
        return new FaultyStorage(connectionString, plan);
    }

    /** The account's connection string with each endpoint's port replaced by its proxy's. */
    public String connectionString() {
        Matcher m = ENDPOINT.matcher(upstream);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int port = switch (m.group(1)) {
                case "Blob" -> blob.port();
                case "Queue" -> queue.port();
                default -> table.port();
            };
            m.appendReplacement(out, m.group(1) + "Endpoint=http://127.0.0.1:" + port + "/" + m.group(3));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static int port(String connectionString, String service) {
        Matcher m = ENDPOINT.matcher(connectionString);
        while (m.find()) {
            if (m.group(1).equals(service)) {
                return Integer.parseInt(m.group(2));
            }
        }
        throw new IllegalArgumentException("no loopback " + service + "Endpoint in the connection string");
    }

    @Override
    public void close() {
        blob.close();
        queue.close();
        table.close();
    }
}
