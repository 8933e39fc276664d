package io.m365vault.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graph.GraphReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An in-memory {@link GraphReader} whose pages and content a test writes, with faults where it
 * says: fast unit tests of the engine beside the graph-sim ones. Answers in Graph's page shape.
 */
final class ScriptedGraph implements GraphReader {
    static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Supplier<JsonNode>> pages = new HashMap<>();
    private final Map<String, Supplier<InputStream>> content = new HashMap<>();
    private final Map<String, List<IOException>> contentFaults = new HashMap<>();
    private final Map<String, Runnable> beforeGet = new HashMap<>();
    final List<String> requests = new ArrayList<>();

    /** A page at {@code url} with these items, linking to {@code next} (a nextLink) or ending its round ({@code delta}). */
    ScriptedGraph page(String url, List<JsonNode> items, String next, String delta) {
        ObjectNode p = JSON.createObjectNode();
        ArrayNode value = p.putArray("value");
        items.forEach(value::add);
        if (next != null) {
            p.put("@odata.nextLink", next);
        }
        if (delta != null) {
            p.put("@odata.deltaLink", delta);
        }
        pages.put(url, () -> p);
        return this;
    }

    /** Any answer, or an exception, for {@code url}. */
    ScriptedGraph answer(String url, Supplier<JsonNode> answer) {
        pages.put(url, answer);
        return this;
    }

    ScriptedGraph content(String path, byte[] bytes) {
        content.put(path, () -> new ByteArrayInputStream(bytes));
        return this;
    }

    ScriptedGraph content(String path, Supplier<InputStream> stream) {
        content.put(path, stream);
        return this;
    }

    /** The next downloads of {@code path} fail with these, one each, before it answers. */
    ScriptedGraph failContent(String path, IOException... faults) {
        contentFaults.computeIfAbsent(path, k -> new ArrayList<>()).addAll(List.of(faults));
        return this;
    }

    /** Runs {@code hook} before answering {@code url} (a commit, a crash). */
    ScriptedGraph beforeGet(String url, Runnable hook) {
        beforeGet.put(url, hook);
        return this;
    }

    @Override
    public synchronized JsonNode get(String url) throws IOException {
        requests.add(url);
        Runnable hook = beforeGet.remove(url);
        if (hook != null) {
            hook.run();
        }
        Supplier<JsonNode> p = pages.get(url);
        if (p == null) {
            throw new IOException("no page scripted at " + url);
        }
        try {
            return p.get().deepCopy();
        } catch (Unchecked e) {
            throw e.io;
        }
    }

    @Override
    public InputStream open(String path) throws IOException {
        synchronized (this) {
            requests.add(path);
            List<IOException> faults = contentFaults.get(path);
            if (faults != null && !faults.isEmpty()) {
                throw faults.remove(0);
            }
        }
        Supplier<InputStream> c = content.get(path);
        if (c == null) {
            throw new IOException("no content scripted at " + path);
        }
        return c.get();
    }

    /** An answer that throws the IOException (a 410, a 404) when asked for. */
    static Supplier<JsonNode> failing(IOException e) {
        return () -> {
            throw new Unchecked(e);
        };
    }

    static ObjectNode item(String id, String changeKey) {
        return JSON.createObjectNode().put("id", id).put("changeKey", changeKey);
    }

    static ObjectNode removed(String id) {
        ObjectNode n = JSON.createObjectNode().put("id", id);
        n.putObject("@removed").put("reason", "deleted");
        return n;
    }

    private static final class Unchecked extends RuntimeException {
        final IOException io;

        Unchecked(IOException io) {
            this.io = io;
        }
    }
}
