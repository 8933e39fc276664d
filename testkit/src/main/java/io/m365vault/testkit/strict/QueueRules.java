package io.m365vault.testkit.strict;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Put Message and Update Message: a message of at most 64 KiB, counted as Azure counts it: the
 * UTF-8 bytes of the MessageText as sent (after the client's base64, when it encodes).
 */
public final class QueueRules implements Rules {
    public static final int MAX_MESSAGE_BYTES = 64 * 1024;
    private static final Pattern TEXT = Pattern.compile("<MessageText>(.*)</MessageText>", Pattern.DOTALL);

    @Override
    public Optional<Refusal> check(StrictRequest request) {
        boolean put = request.method().equals("POST") && request.path().endsWith("/messages");
        boolean update = request.method().equals("PUT") && request.path().contains("/messages/")
                && request.query().containsKey("popreceipt");
        if (!put && !update) {
            return Optional.empty();
        }
        Matcher m = TEXT.matcher(new String(request.body(), StandardCharsets.UTF_8));
        if (!m.find()) {
            return Optional.empty();
        }
        int bytes = unescape(m.group(1)).getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_MESSAGE_BYTES) {
            return Optional.of(Refusal.xml(400, "MessageTooLarge",
                    "The message exceeds the maximum allowed size: " + bytes + " bytes (at most 64 KiB)."));
        }
        return Optional.empty();
    }

    private static String unescape(String xml) {
        return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    }
}
