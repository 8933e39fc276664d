package io.m365vault.graphsim.http;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading requests from and writing {@link Res} to the JDK server's exchanges. */
public final class Exchanges {
    private Exchanges() {
    }

    public static Map<String, String> headers(HttpExchange ex) {
        Map<String, String> h = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : ex.getRequestHeaders().entrySet()) {
            if (!e.getValue().isEmpty()) {
                h.put(e.getKey(), String.join(",", e.getValue()));
            }
        }
        return h;
    }

    public static byte[] body(HttpExchange ex) throws IOException {
        return ex.getRequestBody().readAllBytes();
    }

    /**
     * Writes the response, the bytes [from, from+count) of its body. With {@code resetMidway}
     * only half is written and the connection is dropped, as a reset mid-download looks to a client.
     * Returns the body bytes written.
     */
    public static long write(HttpExchange ex, Res res, long from, long count) throws IOException {
        for (Map.Entry<String, String> h : res.headers.entrySet()) {
            ex.getResponseHeaders().set(h.getKey(), h.getValue());
        }
        boolean head = ex.getRequestMethod().equalsIgnoreCase("HEAD");
        if (res.body == null || count == 0 || head) {
            if (head && res.body != null) {
                ex.getResponseHeaders().set("Content-Length", Long.toString(count));
            }
            ex.sendResponseHeaders(res.status, -1);
            ex.close();
            return 0;
        }
        ex.sendResponseHeaders(res.status, count);
        OutputStream out = ex.getResponseBody();
        if (res.resetMidway) {
            long half = count / 2;
            res.body.write(out, from, half);
            out.flush();
            // Closing the socket under a fixed-length body: the client sees the connection end early.
            throw new IOException("simulated connection reset after " + half + " of " + count + " bytes");
        }
        res.body.write(out, from, count);
        out.close();
        return count;
    }
}
