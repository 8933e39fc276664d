package io.m365vault.backup;

import java.io.IOException;

/** Graph answered 404; {@code code} is Graph's error code, e.g. MailboxNotEnabledForRESTAPI. */
public final class GraphNotFoundException extends IOException {
    private final String code;

    public GraphNotFoundException(String url, String code) {
        super("not found (" + code + "): " + url);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
