package io.m365vault.graphsim.drive;

import io.m365vault.graphsim.model.Ids;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Pre-authenticated download URLs like SharePoint's tempauth links: the drive, item, version and
 * expiry, MAC'd with a key of this simulator run, so a URL works without a token until it expires.
 */
public final class DownloadUrls {
    /** What a valid URL grants. */
    public record Grant(String driveId, String itemId, int version, long expiresAtMillis) {
    }

    private final byte[] key = new byte[32];

    public DownloadUrls() {
        new SecureRandom().nextBytes(key);
    }

    public String url(String origin, String driveId, String itemId, int version, long ttlMillis) {
        long exp = System.currentTimeMillis() + ttlMillis;
        String payload = driveId + "|" + itemId + "|" + version + "|" + exp;
        String token = Ids.b64url(payload.getBytes(StandardCharsets.UTF_8)) + "." + Ids.b64url(mac(payload));
        return origin + "/_layouts/15/download.aspx?UniqueId=" + itemId + "&tempauth=" + token;
    }

    /** The grant of a token, or null when it is forged or malformed. Expiry is the caller's check. */
    public Grant verify(String token) {
        if (token == null) {
            return null;
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return null;
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] sig = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!java.security.MessageDigest.isEqual(sig, mac(payload))) {
                return null;
            }
            String[] p = payload.split("\\|");
            return new Grant(p[0], p[1], Integer.parseInt(p[2]), Long.parseLong(p[3]));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(m.doFinal(payload.getBytes(StandardCharsets.UTF_8)), 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
