package io.m365vault.graphsim.entra;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.graphsim.http.Json;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;

/**
 * Checks a certificate credential's client assertion as Entra ID does: a JWT (RS256 or PS256, as
 * MSAL signs them) naming the certificate by thumbprint ({@code x5t} SHA-1 or {@code x5t#S256}),
 * signed by its key, issued by and about the app, not expired.
 */
final class ClientAssertion {
    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private ClientAssertion() {
    }

    /** Why Entra ID refuses the assertion (AADSTS700027's text), or null when it takes it. */
    static String refusal(String type, String assertion, String clientId, X509Certificate registered) {
        if (!JWT_BEARER.equals(type)) {
            return "Client assertion type must be " + JWT_BEARER + ".";
        }
        String[] parts = assertion.split("\\.");
        if (parts.length != 3) {
            return "Client assertion failed signature validation. [Reason - The assertion is not a JWT.]";
        }
        try {
            JsonNode header = Json.parse(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode claims = Json.parse(Base64.getUrlDecoder().decode(parts[1]));
            String sha1 = thumbprint(registered, "SHA-1");
            String sha256 = thumbprint(registered, "SHA-256");
            // Compared as base64url without padding, whichever alphabet the client used.
            String named = (header.has("x5t#S256") ? header.get("x5t#S256").asText() : header.path("x5t").asText())
                    .replace('+', '-').replace('/', '_').replace("=", "");
            if (registered == null || !named.equals(header.has("x5t#S256") ? sha256 : sha1)) {
                return "Client assertion contains an invalid signature. [Reason - The key was not found., Thumbprint of key used by client: '"
                        + named + "', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '"
                        + clientId + "'.]";
            }
            Signature verifier = verifier(header.path("alg").asText());
            verifier.initVerify(registered.getPublicKey());
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return "Client assertion failed signature validation. [Reason - The provided signature value did not match the expected signature value.]";
            }
            if (!clientId.equalsIgnoreCase(claims.path("iss").asText()) || !clientId.equalsIgnoreCase(claims.path("sub").asText())) {
                return "The client assertion's issuer and subject must be the app's client id '" + clientId + "'.";
            }
            if (claims.path("exp").asLong() * 1000 < System.currentTimeMillis()) {
                return "Client assertion is not within its valid time range.";
            }
            return null;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return "Client assertion failed signature validation. [Reason - " + e.getMessage() + "]";
        }
    }

    private static Signature verifier(String alg) throws GeneralSecurityException {
        return switch (alg) {
            case "RS256" -> Signature.getInstance("SHA256withRSA");
            case "PS256" -> {
                Signature s = Signature.getInstance("RSASSA-PSS");
                s.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                yield s;
            }
            default -> throw new GeneralSecurityException("unsupported algorithm " + alg);
        };
    }

    private static String thumbprint(X509Certificate cert, String digest) throws GeneralSecurityException {
        if (cert == null) {
            return "";
        }
        byte[] d = MessageDigest.getInstance(digest).digest(cert.getEncoded());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
    }
}
