package io.m365vault.graphsim.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.http.Json;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters of what the simulator served: requests per route, faults sent, bytes. */
public final class SimStats {
    private final ConcurrentHashMap<String, LongAdder> perRoute = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, LongAdder> perStatus = new ConcurrentHashMap<>();
    public final LongAdder requests = new LongAdder();
    public final LongAdder throttled = new LongAdder();
    public final LongAdder unavailable = new LongAdder();
    public final LongAdder gatewayTimeouts = new LongAdder();
    public final LongAdder resets = new LongAdder();
    public final LongAdder bytesServed = new LongAdder();
    public final LongAdder downloads = new LongAdder();

    public void request(String route) {
        requests.increment();
        perRoute.computeIfAbsent(route, k -> new LongAdder()).increment();
    }

    public void status(int status) {
        perStatus.computeIfAbsent(status, k -> new LongAdder()).increment();
        switch (status) {
            case 429 -> throttled.increment();
            case 503 -> unavailable.increment();
            case 504 -> gatewayTimeouts.increment();
            default -> {
            }
        }
    }

    public long requestsFor(String route) {
        LongAdder a = perRoute.get(route);
        return a == null ? 0 : a.sum();
    }

    public ObjectNode json() {
        ObjectNode j = Json.obj();
        j.put("requests", requests.sum());
        j.put("throttled429", throttled.sum());
        j.put("unavailable503", unavailable.sum());
        j.put("gatewayTimeout504", gatewayTimeouts.sum());
        j.put("resets", resets.sum());
        j.put("downloads", downloads.sum());
        j.put("bytesServed", bytesServed.sum());
        ObjectNode routes = j.putObject("perEndpoint");
        for (Map.Entry<String, LongAdder> e : new TreeMap<>(perRoute).entrySet()) {
            routes.put(e.getKey(), e.getValue().sum());
        }
        ObjectNode statuses = j.putObject("perStatus");
        for (Map.Entry<Integer, LongAdder> e : new TreeMap<>(perStatus).entrySet()) {
            statuses.put(Integer.toString(e.getKey()), e.getValue().sum());
        }
        return j;
    }
}
