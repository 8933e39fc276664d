package io.m365vault.repo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Table keys from arbitrary strings. Graph ids hold '/', '+' and '=', which table keys may not
 * (nor '\', '#', '?' or control characters), and '%' misbehaves in URLs: base64url without
 * padding is safe and reversible.
 */
public final class TableKeys {
    private TableKeys() {
    }

    public static String encode(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    public static String decode(String key) {
        return new String(Base64.getUrlDecoder().decode(key), StandardCharsets.UTF_8);
    }
}
