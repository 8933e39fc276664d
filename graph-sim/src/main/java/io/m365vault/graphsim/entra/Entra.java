package io.m365vault.graphsim.entra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.http.Json;
import io.m365vault.graphsim.http.Res;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.security.cert.X509Certificate;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client-credentials grant of Entra ID's token endpoint ({@code POST /{tenant}/oauth2/v2.0/token}
 * with a client secret or a certificate's signed client assertion), answering from the app registrations made through {@code /_sim/apps}: an
 * unknown tenant, app or secret gets the AADSTS error Entra ID gives for it, in its shape
 * ({@code error}, {@code error_description}, {@code error_codes}); a good secret gets a bearer
 * token Graph then accepts. No registration, no token: Graph stays open to requests without one.
 */
public final class Entra {
    private record App(String tenant, String clientId, String secret, X509Certificate certificate) {
    }

    private final Map<String, App> apps = new ConcurrentHashMap<>();
    /** Issued tokens, true for those got with a certificate (which SharePoint REST takes as well as Graph). */
    private final Map<String, Boolean> tokens = new ConcurrentHashMap<>();

    /** Registers an app with a client secret in a tenant (a certificate it had stays). */
    public void register(String tenant, String clientId, String secret) {
        apps.merge(key(tenant, clientId), new App(tenant, clientId, secret, null), (old, now) -> new App(tenant, clientId, secret, old.certificate));
    }

    /** Registers an app with a certificate credential (its public part) in a tenant (a secret it had stays). */
    public void registerCertificate(String tenant, String clientId, X509Certificate certificate) {
        apps.merge(key(tenant, clientId), new App(tenant, clientId, null, certificate), (old, now) -> new App(tenant, clientId, old.secret, certificate));
    }

    /** Graph accepts none of the tokens issued so far (as after the app's secret was removed). */
    public void revokeTokens() {
        tokens.clear();
    }

    /** Whether Graph accepts {@code token}. */
    public boolean accepts(String token) {
        return tokens.containsKey(token);
    }

    /** Whether any app is registered: the simulator then stands for a tenant that signs requests. */
    public boolean hasApps() {
        return !apps.isEmpty();
    }

    /** Whether {@code token} was issued for a certificate credential rather than a client secret. */
    public boolean byCertificate(String token) {
        return tokens.getOrDefault(token, false);
    }

    /** The token endpoint's answer to a form-encoded request body. */
    public Res token(String tenant, byte[] body) {
        Map<String, String> form = form(new String(body, StandardCharsets.UTF_8));
        String clientId = form.getOrDefault("client_id", "");
        if (apps.values().stream().noneMatch(a -> a.tenant.equalsIgnoreCase(tenant))) {
            return error(400, "invalid_request", 90002, "Tenant '" + tenant + "' not found. Check to make sure you have the correct "
                    + "tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen "
                    + "if there are no active subscriptions for the tenant.");
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return error(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type '" + form.get("grant_type") + "'.");
        }
        App app = apps.get(key(tenant, clientId));
        if (app == null) {
            return error(400, "unauthorized_client", 700016, "Application with identifier '" + clientId + "' was not found in the directory '"
                    + tenant + "'. This can happen if the application has not been installed by the administrator of the tenant or "
                    + "consented to by any user in the tenant.");
        }
        boolean byCertificate = form.containsKey("client_assertion");
        if (byCertificate) {
            String refusal = ClientAssertion.refusal(form.get("client_assertion_type"), form.get("client_assertion"), clientId, app.certificate);
            if (refusal != null) {
                return error(401, "invalid_client", 700027, refusal);
            }
        } else if (app.secret == null || !app.secret.equals(form.get("client_secret"))) {
            return error(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being sent in the request is "
                    + "the client secret value, not the client secret ID, for a secret added to app '" + clientId + "'.");
        }
        String token = UUID.randomUUID() + "." + UUID.randomUUID();
        tokens.put(token, byCertificate);
        ObjectNode j = Json.obj();
        j.put("token_type", "Bearer");
        j.put("expires_in", 3599);
        j.put("ext_expires_in", 3599);
        j.put("access_token", token);
        return Res.json(j);
    }

    private static Res error(int status, String error, int code, String description) {
        String trace = UUID.randomUUID().toString();
        ObjectNode j = Json.obj();
        j.put("error", error);
        j.put("error_description", "AADSTS" + code + ": " + description + "\r\nTrace ID: " + trace + "\r\nCorrelation ID: "
                + UUID.randomUUID() + "\r\nTimestamp: " + Instant.now());
        j.putArray("error_codes").add(code);
        j.put("timestamp", Instant.now().toString());
        j.put("trace_id", trace);
        return Res.json(status, j);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> m = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                m.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return m;
    }

    private static String key(String tenant, String clientId) {
        return tenant.toLowerCase() + "/" + clientId.toLowerCase();
    }
}
