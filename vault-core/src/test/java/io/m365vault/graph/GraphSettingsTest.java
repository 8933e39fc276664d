package io.m365vault.graph;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GraphSettingsTest {
    @Test
    void secretThenCertificateThenManagedIdentity(@TempDir Path dir) throws Exception {
        Path pem = Files.writeString(dir.resolve("app.pem"), "not parsed here");
        GraphSettings secret = GraphSettings.from(Map.of("GRAPH_TENANT_ID", "t", "GRAPH_CLIENT_ID", "c", "GRAPH_CLIENT_SECRET", "s"));
        assertEquals(GraphSettings.Auth.CLIENT_SECRET, secret.auth());
        assertEquals(GraphSettings.DEFAULT_BASE_URL, secret.baseUrl());
        assertEquals("https://graph.microsoft.com/.default", secret.scope());
        assertFalse(secret.toString().contains("=s,") || secret.toString().endsWith("s]"), secret.toString());
        GraphSettings cert = GraphSettings.from(Map.of("GRAPH_TENANT_ID", "t", "GRAPH_CLIENT_ID", "c", "GRAPH_CLIENT_CERT", pem.toString()));
        assertEquals(GraphSettings.Auth.CERTIFICATE, cert.auth());
        GraphSettings mi = GraphSettings.from(Map.of("GRAPH_CLIENT_ID", "c", "GRAPH_BASE_URL", "https://graph.microsoft.us/v1.0/"));
        assertEquals(GraphSettings.Auth.MANAGED_IDENTITY, mi.auth());
        assertEquals("https://graph.microsoft.us/v1.0", mi.baseUrl());
        assertEquals("https://graph.microsoft.us/.default", mi.scope());
    }

    @Test
    void anAuthorityHostIsReadAndMustBeHttps() {
        GraphSettings gov = GraphSettings.from(Map.of("GRAPH_TENANT_ID", "t", "GRAPH_CLIENT_ID", "c", "GRAPH_CLIENT_SECRET", "s",
                "GRAPH_BASE_URL", "https://graph.microsoft.us/v1.0", "GRAPH_AUTHORITY_HOST", " https://login.microsoftonline.us/ "));
        assertEquals("https://login.microsoftonline.us/", gov.authorityHost());
        assertEquals(null, GraphSettings.from(Map.of("GRAPH_CLIENT_ID", "c")).authorityHost());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GraphSettings.from(Map.of("GRAPH_CLIENT_ID", "c",
                "GRAPH_AUTHORITY_HOST", "http://login.example")));
        assertEquals("GRAPH_AUTHORITY_HOST must be an https URL such as https://login.microsoftonline.us/, got http://login.example", e.getMessage());
    }

    @Test
    void plainHttpGetsNoCredential() {
        GraphSettings sim = GraphSettings.from(Map.of("GRAPH_TENANT_ID", "t", "GRAPH_CLIENT_ID", "c", "GRAPH_CLIENT_SECRET", "s",
                "GRAPH_BASE_URL", "http://127.0.0.1:8080/v1.0"));
        assertEquals(GraphSettings.Auth.NONE, sim.auth());
        assertEquals(null, GraphCredentials.credential(sim));
    }

    @Test
    void badSettingsGiveOneClearLine(@TempDir Path dir) throws Exception {
        assertEquals("GRAPH_TENANT_ID and GRAPH_CLIENT_ID are required with a client secret or certificate",
                assertThrows(IllegalArgumentException.class, () -> GraphSettings.from(Map.of("GRAPH_CLIENT_SECRET", "s"))).getMessage());
        Path pem = Files.writeString(dir.resolve("app.pem"), "x");
        assertEquals("set GRAPH_CLIENT_SECRET or GRAPH_CLIENT_CERT, not both", assertThrows(IllegalArgumentException.class,
                () -> GraphSettings.from(Map.of("GRAPH_TENANT_ID", "t", "GRAPH_CLIENT_ID", "c", "GRAPH_CLIENT_SECRET", "s",
                        "GRAPH_CLIENT_CERT", pem.toString()))).getMessage());
        assertEquals("GRAPH_CLIENT_CERT: no readable file at " + dir.resolve("missing.pfx"), assertThrows(IllegalArgumentException.class,
                () -> GraphSettings.from(Map.of("GRAPH_TENANT_ID", "t", "GRAPH_CLIENT_ID", "c",
                        "GRAPH_CLIENT_CERT", dir.resolve("missing.pfx").toString()))).getMessage());
        assertEquals("GRAPH_BASE_URL must be an http(s) URL such as https://graph.microsoft.com/v1.0, got ftp://x/v1.0",
                assertThrows(IllegalArgumentException.class, () -> GraphSettings.anonymous("ftp://x/v1.0")).getMessage());
    }
}
