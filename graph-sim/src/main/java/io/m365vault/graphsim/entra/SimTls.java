package io.m365vault.graphsim.entra;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/**
 * The simulator's TLS identity: a self-signed certificate for 127.0.0.1 and localhost (valid for
 * a century, in {@code tls/graph-sim.p12}), so clients that insist on https (azure-identity and
 * MSAL for the token endpoint, Kiota for tokens) can be pointed at it. Clients trust it through
 * {@link #trustStore} or {@link #clientContext}.
 */
public final class SimTls {
    public static final String RESOURCE = "/tls/graph-sim.p12";
    public static final String PASSWORD = "graph-sim";
    static final String APP_CERT = "/tls/sim-app.pem";

    private SimTls() {
    }

    /** The server side: the key and certificate. */
    public static SSLContext serverContext() {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore(), PASSWORD.toCharArray());
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(kmf.getKeyManagers(), null, null);
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("graph-sim's TLS key cannot be loaded", e);
        }
    }

    /** A client context trusting the simulator's certificate only. */
    public static SSLContext clientContext() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(keyStore());
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(null, tmf.getTrustManagers(), null);
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("graph-sim's TLS certificate cannot be loaded", e);
        }
    }

    /** The certificate as a PKCS12 trust store file in {@code dir} (for {@code javax.net.ssl.trustStore}, password {@link #PASSWORD}). */
    public static Path trustStore(Path dir) {
        Path p = dir.resolve("graph-sim-trust.p12");
        try (InputStream in = open()) {
            Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes this JVM's default trust (what OkHttp and Netty use when given no other) the
     * simulator's certificate, for clients whose TLS cannot be configured from outside, such as
     * azure-identity's inside a credential. The store is written once and kept until the JVM
     * exits: an SSL context built later reads it. Hosts on the internet are not trusted after.
     */
    public static synchronized void trustInThisJvm() {
        if (TRUSTED != null) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory("graph-sim-trust");
            Path store = trustStore(dir);
            store.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            System.setProperty("javax.net.ssl.trustStore", store.toString());
            System.setProperty("javax.net.ssl.trustStorePassword", PASSWORD);
            System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
            TRUSTED = store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static volatile Path TRUSTED;

    /**
     * A test app's certificate credential, its private key and certificate as one PEM file in
     * {@code dir} (what {@code GRAPH_CLIENT_CERT} names); register its certificate with
     * {@link io.m365vault.graphsim.GraphSim#registerAppCertificate}. Self-signed, for the simulator only.
     */
    public static Path appCertificate(Path dir) {
        Path p = dir.resolve("sim-app.pem");
        try (InputStream in = SimTls.class.getResourceAsStream(APP_CERT)) {
            if (in == null) {
                throw new IllegalStateException(APP_CERT + " is not on the class path");
            }
            Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyStore keyStore() throws GeneralSecurityException {
        try (InputStream in = open()) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD.toCharArray());
            return ks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open() {
        InputStream in = SimTls.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is not on the class path");
        }
        return in;
    }
}
