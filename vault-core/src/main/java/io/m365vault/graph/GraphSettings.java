package io.m365vault.graph;

import io.m365vault.config.Setting;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * How to reach one tenant's Graph (DESIGN §6): tenant and client id, then a client secret, a
 * client certificate (PEM or PFX), or neither for the managed identity; and the base URL.
 *
 * @param certPassword  password of a PFX certificate, from {@code GRAPH_CLIENT_CERT_PASSWORD}
 * @param authorityHost Entra ID's host, from {@code GRAPH_AUTHORITY_HOST}: null for the public
 *                      cloud's {@code https://login.microsoftonline.com/}; a national cloud's
 *                      (e.g. {@code https://login.microsoftonline.us/}) or a stand-in's
 */
public record GraphSettings(String tenantId, String clientId, String clientSecret, Path clientCert,
                            String certPassword, String baseUrl, String authorityHost) {
    public static final String DEFAULT_BASE_URL = "https://graph.microsoft.com/v1.0";
    public static final String CERT_PASSWORD = "GRAPH_CLIENT_CERT_PASSWORD";
    public static final String AUTHORITY_HOST = "GRAPH_AUTHORITY_HOST";

    /** How the client proves who it is. */
    public enum Auth { CLIENT_SECRET, CERTIFICATE, MANAGED_IDENTITY, NONE }

    public GraphSettings {
        baseUrl = checkBaseUrl(baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : baseUrl.trim());
        authorityHost = blank(authorityHost) ? null : authorityHost.trim();
        if (authorityHost != null && !authorityHost.startsWith("https://")) {
            // azure-identity and MSAL send secrets to an https authority only.
            throw new IllegalArgumentException(AUTHORITY_HOST + " must be an https URL such as https://login.microsoftonline.us/, got " + authorityHost);
        }
        if (!blank(clientSecret) && clientCert != null) {
            throw new IllegalArgumentException("set " + Setting.GRAPH_CLIENT_SECRET + " or " + Setting.GRAPH_CLIENT_CERT + ", not both");
        }
        if (clientCert != null && !Files.isReadable(clientCert)) {
            throw new IllegalArgumentException(Setting.GRAPH_CLIENT_CERT + ": no readable file at " + clientCert);
        }
        if (clientCert != null && certKind(clientCert) == null) {
            throw new IllegalArgumentException(Setting.GRAPH_CLIENT_CERT + " must be a .pem, .crt, .pfx or .p12 file, got " + clientCert);
        }
        Auth auth = auth(baseUrl, clientSecret, clientCert);
        if ((auth == Auth.CLIENT_SECRET || auth == Auth.CERTIFICATE) && (blank(tenantId) || blank(clientId))) {
            throw new IllegalArgumentException(Setting.GRAPH_TENANT_ID + " and " + Setting.GRAPH_CLIENT_ID + " are required with a client secret or certificate");
        }
    }

    /** Settings for a simulator or test server over plain http: no credential. */
    public static GraphSettings anonymous(String baseUrl) {
        return new GraphSettings(null, null, null, null, null, baseUrl, null);
    }

    /** From the environment (or local.settings.json values) by the names of DESIGN §6. */
    public static GraphSettings from(Map<String, String> env) {
        String cert = env.get(Setting.GRAPH_CLIENT_CERT.name());
        return new GraphSettings(env.get(Setting.GRAPH_TENANT_ID.name()), env.get(Setting.GRAPH_CLIENT_ID.name()),
                env.get(Setting.GRAPH_CLIENT_SECRET.name()), blank(cert) ? null : Path.of(cert.trim()),
                env.get(CERT_PASSWORD), env.get(Setting.GRAPH_BASE_URL.name()), env.get(AUTHORITY_HOST));
    }

    /**
     * A bearer token never travels over plain http: an http base URL (graph-sim on 127.0.0.1)
     * gets no credential at all; otherwise a secret, else a certificate, else the managed identity.
     */
    public Auth auth() {
        return auth(baseUrl, clientSecret, clientCert);
    }

    /** The token scope for the base URL's cloud, e.g. {@code https://graph.microsoft.com/.default}. */
    public String scope() {
        URI u = URI.create(baseUrl);
        return u.getScheme() + "://" + u.getAuthority() + "/.default";
    }

    public String host() {
        return URI.create(baseUrl).getHost();
    }

    /** "pem" or "pfx" by the certificate file's extension, else null. */
    static String certKind(Path cert) {
        String n = cert.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".pem") || n.endsWith(".crt")) {
            return "pem";
        }
        return n.endsWith(".pfx") || n.endsWith(".p12") ? "pfx" : null;
    }

    private static Auth auth(String baseUrl, String secret, Path cert) {
        if (baseUrl.startsWith("http://")) {
            return Auth.NONE;
        }
        if (!blank(secret)) {
            return Auth.CLIENT_SECRET;
        }
        return cert != null ? Auth.CERTIFICATE : Auth.MANAGED_IDENTITY;
    }

    private static String checkBaseUrl(String url) {
        try {
            URI u = new URI(url);
            if (u.getHost() == null || !("https".equals(u.getScheme()) || "http".equals(u.getScheme()))) {
                throw new IllegalArgumentException(Setting.GRAPH_BASE_URL + " must be an http(s) URL such as " + DEFAULT_BASE_URL + ", got " + url);
            }
            if (u.getQuery() != null || u.getFragment() != null) {
                throw new IllegalArgumentException(Setting.GRAPH_BASE_URL + " must have no query or fragment, got " + url);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(Setting.GRAPH_BASE_URL + " is not a URL: " + url);
        }
        // The SDK appends paths to it: "/v1.0/" would give "/v1.0//users".
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Secrets stay out of logs and error messages. */
    @Override
    public String toString() {
        return "GraphSettings[tenant=" + tenantId + ", client=" + clientId + ", auth=" + auth() + ", baseUrl=" + baseUrl + "]";
    }
}
