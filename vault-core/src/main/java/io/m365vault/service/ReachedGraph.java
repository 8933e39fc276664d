package io.m365vault.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.config.Setting;
import io.m365vault.graph.GraphReader;
import java.io.IOException;
import java.io.InputStream;

/**
 * A tenant's Graph whose host is tried ({@link Reachability#connect}) before the first call, and
 * again after a failed try, so a wrong GRAPH_BASE_URL is one line in seconds rather than the
 * client's retries. Work that never calls Graph (runs, verify) never tries it.
 */
final class ReachedGraph implements GraphReader {
    private final GraphReader graph;
    private final String baseUrl;
    private volatile boolean reached;

    ReachedGraph(GraphReader graph, String baseUrl) {
        this.graph = graph;
        this.baseUrl = baseUrl;
    }

    @Override
    public JsonNode get(String pathOrUrl) throws IOException {
        reach();
        return graph.get(pathOrUrl);
    }

    @Override
    public InputStream open(String pathOrUrl) throws IOException {
        reach();
        return graph.open(pathOrUrl);
    }

    @Override
    public InputStream open(String pathOrUrl, long from) throws IOException {
        reach();
        return graph.open(pathOrUrl, from);
    }

    @Override
    public void issued(String downloadUrl, String issuerPath) {
        graph.issued(downloadUrl, issuerPath);
    }

    @Override
    public String sharePointRefusal() {
        return graph.sharePointRefusal();
    }

    private void reach() {
        if (!reached) {
            Reachability.connect(Setting.GRAPH_BASE_URL, baseUrl);
            reached = true;
        }
    }
}
