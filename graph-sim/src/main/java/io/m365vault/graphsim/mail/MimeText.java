package io.m365vault.graphsim.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The encodings MIME needs both ways: base64 lines, quoted-printable, RFC 2047 encoded words. */
public final class MimeText {
    public static final String CRLF = "\r\n";
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?]+)\\?([BbQq])\\?([^?]*)\\?=");

    private MimeText() {
    }

    public static String base64Lines(byte[] data) {
        String s = Base64.getEncoder().encodeToString(data);
        StringBuilder b = new StringBuilder(s.length() + s.length() / 76 * 2 + 2);
        for (int i = 0; i < s.length(); i += 76) {
            b.append(s, i, Math.min(s.length(), i + 76)).append(CRLF);
        }
        return b.toString();
    }

    /** Quoted-printable with soft line breaks at 76 characters; CRLF line ends are kept. */
    public static String quotedPrintable(byte[] data) {
        StringBuilder out = new StringBuilder(data.length * 3 / 2);
        int col = 0;
        for (int i = 0; i < data.length; i++) {
            int c = data[i] & 0xFF;
            if (c == '\r' && i + 1 < data.length && data[i + 1] == '\n') {
                out.append(CRLF);
                i++;
                col = 0;
                continue;
            }
            boolean trailingSpace = (c == ' ' || c == '\t') && (i + 1 == data.length || data[i + 1] == '\r');
            String piece = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !trailingSpace)
                    ? String.valueOf((char) c) : String.format(Locale.ROOT, "=%02X", c);
            if (col + piece.length() > 75) {
                out.append('=').append(CRLF);
                col = 0;
            }
            out.append(piece);
            col += piece.length();
        }
        return out.toString();
    }

    public static byte[] decodeQuotedPrintable(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
        for (int i = 0; i < data.length; i++) {
            int c = data[i];
            if (c == '=' && i + 2 < data.length && data[i + 1] == '\r' && data[i + 2] == '\n') {
                i += 2;
            } else if (c == '=' && i + 1 < data.length && data[i + 1] == '\n') {
                i += 1;
            } else if (c == '=' && i + 2 < data.length && hex(data[i + 1]) >= 0 && hex(data[i + 2]) >= 0) {
                out.write(hex(data[i + 1]) * 16 + hex(data[i + 2]));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }

    /** A header value: unchanged if ASCII, else one RFC 2047 base64 encoded word per chunk. */
    public static String encodeWord(String text, Charset cs) {
        boolean ascii = text.chars().allMatch(c -> c >= 32 && c < 127);
        if (ascii) {
            return text;
        }
        return "=?" + cs.name().toLowerCase(Locale.ROOT) + "?B?" + Base64.getEncoder().encodeToString(text.getBytes(cs)) + "?=";
    }

    public static String decodeWords(String value) {
        if (value == null || !value.contains("=?")) {
            return value;
        }
        // Whitespace between adjacent encoded words is not part of the text (RFC 2047 section 6.2).
        String v = value.replaceAll("\\?=\\s+=\\?", "?==?");
        Matcher m = ENCODED_WORD.matcher(v);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Charset cs = charset(m.group(1), StandardCharsets.UTF_8);
            byte[] raw = m.group(2).equalsIgnoreCase("B")
                    ? Base64.getMimeDecoder().decode(m.group(3))
                    : decodeQuotedPrintable(m.group(3).replace('_', ' ').getBytes(StandardCharsets.US_ASCII));
            m.appendReplacement(out, Matcher.quoteReplacement(new String(raw, cs)));
        }
        m.appendTail(out);
        return out.toString();
    }

    public static Charset charset(String name, Charset fallback) {
        if (name == null) {
            return fallback;
        }
        try {
            return Charset.forName(name.trim().replace("\"", ""));
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
