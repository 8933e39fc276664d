package io.m365vault.repo;

import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.security.keyvault.keys.cryptography.CryptographyClient;
import com.azure.security.keyvault.keys.cryptography.CryptographyClientBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * A stand-in for one Azure Key Vault holding RSA keys with versions, speaking the documented REST
 * (API 7.x) that the SDK's CryptographyClient sends: GET a key (the newest version when none is
 * named), POST wrapkey and unwrapkey with RSA-OAEP-256. Errors are Key Vault's shape,
 * {"error":{"code","message"}}. Key ids name the vault as Azure does ({@link #VAULT}); the clients
 * of {@link #client} are the real SDK with one policy added that sends each request to this server
 * over HTTP on the loopback instead. Not exercised: authentication (the test pipeline sends no
 * token) and TLS.
 */
final class LocalKeyVault implements AutoCloseable {
    static final String VAULT = "https://contoso-backup.vault.azure.net";
    private static final Pattern PATH = Pattern.compile("/keys/([A-Za-z0-9-]+)(?:/([0-9a-f]*))?(?:/(wrapkey|unwrapkey))?/?");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();

    private final HttpServer server;
    /** name -> versions, oldest first. */
    private final Map<String, List<Version>> keys = new LinkedHashMap<>();
    private final List<String> requests = new ArrayList<>();

    private record Version(String id, KeyPair pair, boolean unwraps) {}

    LocalKeyVault() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Adds a new version of key {@code name} (creating the key), as `az keyvault key rotate` does; returns its id. */
    synchronized String rotate(String name) throws GeneralSecurityException {
        return rotate(name, true);
    }

    /** A new version whose permitted operations are wrapKey alone when {@code unwraps} is false. */
    synchronized String rotate(String name, boolean unwraps) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        List<Version> versions = keys.computeIfAbsent(name, n -> new ArrayList<>());
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String version = HexFormat.of().formatHex(random);
        versions.add(new Version(version, g.generateKeyPair(), unwraps));
        return VAULT + "/keys/" + name + "/" + version;
    }

    /** Removes one version (a purged one: Key Vault then answers 404 KeyNotFound). */
    synchronized void purge(String keyId) {
        keys.values().forEach(versions -> versions.removeIf(v -> keyId.endsWith("/" + v.id())));
    }

    /** Every request so far, as "METHOD /path". */
    synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    /** A real SDK client for a key id of this vault, its requests sent here. */
    CryptographyClient client(String keyId) {
        String here = "http://127.0.0.1:" + server.getAddress().getPort();
        HttpPipelinePolicy toHere = (context, next) -> {
            String url = context.getHttpRequest().getUrl().toString();
            if (!url.startsWith(VAULT + "/")) {
                throw new IllegalStateException("a request outside the vault: " + url);
            }
            context.getHttpRequest().setUrl(here + url.substring(VAULT.length()));
            return next.process();
        };
        return new CryptographyClientBuilder().keyIdentifier(keyId)
                .pipeline(new HttpPipelineBuilder().policies(toHere).build()).buildClient();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            answer(x);
        }
    }

    private void answer(HttpExchange x) throws IOException {
        try {
            String path = x.getRequestURI().getPath();
            synchronized (this) {
                requests.add(x.getRequestMethod() + " " + path);
            }
            Matcher m = PATH.matcher(path);
            if (!m.matches()) {
                reply(x, 404, error("NotFound", "no such path " + path));
                return;
            }
            Version v = find(m.group(1), m.group(2));
            if (v == null) {
                reply(x, 404, error("KeyNotFound", "A key with (name/id) " + m.group(1) + "/" + m.group(2) + " was not found in this key vault."));
                return;
            }
            String kid = VAULT + "/keys/" + m.group(1) + "/" + v.id();
            if (m.group(3) == null && x.getRequestMethod().equals("GET")) {
                reply(x, 200, bundle(kid, v));
            } else if (m.group(3) != null && x.getRequestMethod().equals("POST")) {
                JsonNode body = JSON.readTree(x.getRequestBody());
                if (m.group(3).equals("unwrapkey") && !v.unwraps()) {
                    reply(x, 403, error("Forbidden", "Operation \"unwrapKey\" is not allowed by this key's permitted operations."));
                    return;
                }
                reply(x, 200, operate(m.group(3).equals("wrapkey"), kid, v, body));
            } else {
                reply(x, 405, error("BadParameter", "method " + x.getRequestMethod() + " is not allowed here"));
            }
        } catch (BadRequest e) {
            reply(x, 400, error("BadParameter", e.getMessage()));
        }
    }

    private synchronized Version find(String name, String version) {
        List<Version> versions = keys.get(name);
        if (versions == null || versions.isEmpty()) {
            return null;
        }
        if (version == null || version.isEmpty()) {
            return versions.get(versions.size() - 1);
        }
        return versions.stream().filter(v -> v.id().equals(version)).findFirst().orElse(null);
    }

    private static ObjectNode bundle(String kid, Version v) {
        RSAPublicKey pub = (RSAPublicKey) v.pair().getPublic();
        ObjectNode out = JSON.createObjectNode();
        ObjectNode key = out.putObject("key").put("kid", kid).put("kty", "RSA")
                .put("n", B64.encodeToString(unsigned(pub.getModulus())))
                .put("e", B64.encodeToString(unsigned(pub.getPublicExponent())));
        var ops = key.putArray("key_ops").add("wrapKey");
        if (v.unwraps()) {
            ops.add("unwrapKey");
        }
        out.putObject("attributes").put("enabled", true).put("created", 1764547200L).put("updated", 1764547200L)
                .put("recoveryLevel", "Recoverable");
        return out;
    }

    private static ObjectNode operate(boolean wrap, String kid, Version v, JsonNode body) {
        if (!"RSA-OAEP-256".equals(body.path("alg").asText())) {
            throw new BadRequest("this test vault does RSA-OAEP-256 only, not " + body.path("alg").asText());
        }
        byte[] in = UNB64.decode(body.path("value").asText());
        try {
            Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding");
            OAEPParameterSpec oaep = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
            if (wrap) {
                c.init(Cipher.ENCRYPT_MODE, v.pair().getPublic(), oaep);
            } else {
                c.init(Cipher.DECRYPT_MODE, v.pair().getPrivate(), oaep);
            }
            return JSON.createObjectNode().put("kid", kid).put("value", B64.encodeToString(c.doFinal(in)));
        } catch (GeneralSecurityException e) {
            throw new BadRequest("The parameter is incorrect: " + e.getMessage());
        }
    }

    private static byte[] unsigned(BigInteger n) {
        byte[] b = n.toByteArray();
        return b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
    }

    private static ObjectNode error(String code, String message) {
        ObjectNode out = JSON.createObjectNode();
        out.putObject("error").put("code", code).put("message", message);
        return out;
    }

    private static void reply(HttpExchange x, int status, JsonNode body) throws IOException {
        byte[] b = JSON.writeValueAsBytes(body);
        x.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
    }

    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}
