package io.m365vault.cli;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The key an HTTP call must carry, as with Azure's auth level FUNCTION: in the
 * {@code x-functions-key} header or the {@code code} query parameter. Compared in constant time.
 */
record FunctionKey(String value, boolean generated) {
    static final String HEADER = "x-functions-key";
    static final String PARAMETER = "code";

    /** VAULT_FUNCTION_KEY, or a new random key when it is unset. */
    static FunctionKey from(String setting) {
        if (setting != null && !setting.isBlank()) {
            return new FunctionKey(setting.strip(), false);
        }
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return new FunctionKey(Base64.getUrlEncoder().withoutPadding().encodeToString(b), true);
    }

    boolean accepts(String header, Map<String, String> query) {
        String given = header != null ? header : query.get(PARAMETER);
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
    }
}
