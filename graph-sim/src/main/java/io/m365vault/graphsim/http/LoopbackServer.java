package io.m365vault.graphsim.http;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * graph-sim's HTTP servers, on the loopback interface. The JDK server sends an answer's headers
 * and body in separate writes; without TCP_NODELAY the body waits on Nagle and the client's
 * delayed ACK, about 40 ms an answer, which Graph does not cost and which would hide the engine's
 * own speed. The JDK reads the property once, when its first server starts.
 */
public final class LoopbackServer {
    private LoopbackServer() {
    }

    public static HttpServer create(int port, int backlog) throws IOException {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
    }
}
