package io.m365vault.restore.tenant;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a stored message's MIME (RFC 2045-2047) for what a Graph create needs: the HTML body
 * where there is one (else the text), and every other leaf part as an attachment. The headers
 * Graph's JSON already carries (subject, addresses, dates) are not read here. Bytes are held as
 * ISO-8859-1 text so every byte maps to one char and back.
 */
final class MimeReader {
    private static final int MAX_DEPTH = 20;

    private String html;
    private String text;
    private final List<MessageContent.Attachment> attachments = new ArrayList<>();

    private MimeReader() {
    }

    static MessageContent read(byte[] mime) {
        MimeReader r = new MimeReader();
        r.part(new String(mime, StandardCharsets.ISO_8859_1), 0);
        return r.html != null ? new MessageContent("html", r.html, r.attachments)
                : new MessageContent("text", r.text == null ? "" : r.text, r.attachments);
    }

    private void part(String raw, int depth) {
        int split = headerEnd(raw);
        Map<String, String> headers = headers(raw.substring(0, split));
        String body = raw.substring(Math.min(raw.length(), split + blankLength(raw, split)));
        Header type = Header.parse(headers.getOrDefault("content-type", "text/plain"));
        Header disposition = Header.parse(headers.getOrDefault("content-disposition", ""));
        String boundary = type.param("boundary");
        if (type.value().startsWith("multipart/") && boundary != null && depth < MAX_DEPTH) {
            for (String child : children(body, boundary)) {
                part(child, depth + 1);
            }
            return;
        }
        byte[] bytes = Transfer.decode(headers.get("content-transfer-encoding"), body.getBytes(StandardCharsets.ISO_8859_1));
        String name = EncodedWords.decode(disposition.param("filename") != null ? disposition.param("filename") : type.param("name"));
        boolean isAttachment = disposition.value().equals("attachment") || name != null;
        if (!isAttachment && type.value().equals("text/html") && html == null) {
            html = new String(bytes, charset(type));
        } else if (!isAttachment && type.value().equals("text/plain") && text == null) {
            text = new String(bytes, charset(type));
        } else {
            String cid = headers.get("content-id");
            cid = cid == null ? null : cid.trim().replaceAll("^<|>$", "");
            // An attached message has no file name of its own: it goes back as the .eml file it is.
            String fallback = type.value().equals("message/rfc822") ? "attached message.eml" : "attachment";
            attachments.add(new MessageContent.Attachment(name != null ? name : fallback, type.value(), bytes, cid,
                    cid != null && !disposition.value().equals("attachment")));
        }
    }

    private static Charset charset(Header type) {
        String cs = type.param("charset");
        try {
            return cs == null ? StandardCharsets.US_ASCII : Charset.forName(cs);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** The parts between {@code --boundary} lines, up to the closing {@code --boundary--}; each without its final line break. */
    private static List<String> children(String body, String boundary) {
        List<String> out = new ArrayList<>();
        String delimiter = "--" + boundary;
        int start = -1;
        int pos = 0;
        while (pos <= body.length()) {
            int eol = body.indexOf('\n', pos);
            int end = eol < 0 ? body.length() : eol;
            String line = body.substring(pos, end).stripTrailing();
            if (line.startsWith(delimiter)) {
                if (start >= 0) {
                    out.add(withoutLastBreak(body.substring(start, pos)));
                }
                if (line.startsWith(delimiter + "--")) {
                    return out;
                }
                start = end + 1;
            }
            if (eol < 0) {
                break;
            }
            pos = eol + 1;
        }
        if (start >= 0 && start < body.length()) {
            out.add(body.substring(start));
        }
        return out;
    }

    private static String withoutLastBreak(String s) {
        if (s.endsWith("\r\n")) {
            return s.substring(0, s.length() - 2);
        }
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    private static int headerEnd(String raw) {
        int crlf = raw.indexOf("\r\n\r\n");
        int lf = raw.indexOf("\n\n");
        if (raw.startsWith("\r\n") || raw.startsWith("\n")) {
            return 0;
        }
        if (crlf < 0 && lf < 0) {
            return raw.length();
        }
        return crlf >= 0 && (lf < 0 || crlf < lf) ? crlf + 2 : lf + 1;
    }

    private static int blankLength(String raw, int at) {
        return raw.startsWith("\r\n", at) ? 2 : raw.startsWith("\n", at) ? 1 : 0;
    }

    /** Header fields by lower-case name, folded lines joined; the first of a repeated field wins. */
    private static Map<String, String> headers(String block) {
        Map<String, String> out = new LinkedHashMap<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        for (String line : block.split("\r?\n")) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
                value.append(' ').append(line.trim());
                continue;
            }
            if (name != null) {
                out.putIfAbsent(name, value.toString());
            }
            int colon = line.indexOf(':');
            name = colon > 0 ? line.substring(0, colon).trim().toLowerCase(Locale.ROOT) : null;
            value.setLength(0);
            if (name != null) {
                value.append(line.substring(colon + 1).trim());
            }
        }
        if (name != null) {
            out.putIfAbsent(name, value.toString());
        }
        return out;
    }
}
