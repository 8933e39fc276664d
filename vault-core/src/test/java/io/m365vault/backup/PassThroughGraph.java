package io.m365vault.backup;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.graph.GraphReader;
import java.io.IOException;
import java.io.InputStream;

/** A real reader that a test changes in one place (a page rewritten, a download corrupted), the rest passed through. */
class PassThroughGraph implements GraphReader {
    final GraphReader real;

    PassThroughGraph(GraphReader real) {
        this.real = real;
    }

    @Override
    public JsonNode get(String pathOrUrl) throws IOException {
        return real.get(pathOrUrl);
    }

    @Override
    public InputStream open(String pathOrUrl) throws IOException {
        return open(pathOrUrl, 0);
    }

    @Override
    public InputStream open(String pathOrUrl, long from) throws IOException {
        return real.open(pathOrUrl, from);
    }

    @Override
    public void issued(String downloadUrl, String issuerPath) {
        real.issued(downloadUrl, issuerPath);
    }

    @Override
    public String sharePointRefusal() {
        return real.sharePointRefusal();
    }
}
