package io.m365vault.restore.tenant;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RFC 2047 encoded words ({@code =?utf-8?B?...?=}) in a header value, decoded; anything unreadable is kept as written. */
final class EncodedWords {
    private static final Pattern WORD = Pattern.compile("=\\?([^?]+)\\?([bBqQ])\\?([^?]*)\\?=");
    /** Whitespace between two encoded words is not part of the text (RFC 2047 §6.2). */
    private static final Pattern BETWEEN = Pattern.compile("(\\?=)\\s+(=\\?)");

    private EncodedWords() {
    }

    static String decode(String value) {
        if (value == null || !value.contains("=?")) {
            return value;
        }
        Matcher m = WORD.matcher(BETWEEN.matcher(value).replaceAll("$1$2"));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String text;
            try {
                Charset cs = Charset.forName(m.group(1).replaceFirst("\\*.*", ""));
                byte[] bytes = m.group(2).equalsIgnoreCase("b") ? Base64.getMimeDecoder().decode(m.group(3)) : q(m.group(3));
                text = new String(bytes, cs);
            } catch (IllegalArgumentException e) {
                text = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The Q encoding: quoted-printable where {@code _} is a space. */
    private static byte[] q(String s) {
        return Transfer.quotedPrintable(s.replace('_', ' ').getBytes(StandardCharsets.US_ASCII));
    }
}
