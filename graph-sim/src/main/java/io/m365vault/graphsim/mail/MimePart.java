package io.m365vault.graphsim.mail;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One part of a parsed MIME message: its headers, its decoded body bytes (leaf) or its children
 * (multipart). Parsing is lenient, as a mail server's must be: LF or CRLF, missing end boundaries.
 */
public final class MimePart {
    private final List<String[]> headers;
    public final byte[] body;
    public final List<MimePart> children;

    private MimePart(List<String[]> headers, byte[] body, List<MimePart> children) {
        this.headers = headers;
        this.body = body;
        this.children = children;
    }

    public static MimePart parse(byte[] raw) {
        return parse(raw, 0, raw.length, 0);
    }

    private static MimePart parse(byte[] raw, int from, int to, int depth) {
        int bodyStart = headerEnd(raw, from, to);
        List<String[]> headers = parseHeaders(new String(raw, from, Math.max(0, bodyStart - from), StandardCharsets.ISO_8859_1));
        MimePart shell = new MimePart(headers, null, List.of());
        String boundary = shell.param("Content-Type", "boundary");
        if (shell.contentType().startsWith("multipart/") && boundary != null && depth < 20) {
            return new MimePart(headers, null, splitMultipart(raw, bodyStart, to, boundary, depth));
        }
        byte[] content = java.util.Arrays.copyOfRange(raw, Math.min(bodyStart, to), to);
        String cte = shell.header("Content-Transfer-Encoding");
        cte = cte == null ? "" : cte.trim().toLowerCase(Locale.ROOT);
        byte[] decoded = switch (cte) {
            case "base64" -> java.util.Base64.getMimeDecoder().decode(stripNonBase64(content));
            case "quoted-printable" -> MimeText.decodeQuotedPrintable(content);
            default -> content;
        };
        return new MimePart(headers, decoded, List.of());
    }

    private static byte[] stripNonBase64(byte[] content) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(content.length);
        for (byte b : content) {
            if (Character.isLetterOrDigit(b) || b == '+' || b == '/' || b == '=') {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static int headerEnd(byte[] raw, int from, int to) {
        for (int i = from; i < to; i++) {
            if (raw[i] == '\n') {
                if (i + 1 < to && raw[i + 1] == '\n') {
                    return i + 2;
                }
                if (i + 2 < to && raw[i + 1] == '\r' && raw[i + 2] == '\n') {
                    return i + 3;
                }
            }
        }
        return to;
    }

    private static List<String[]> parseHeaders(String block) {
        List<String[]> out = new ArrayList<>();
        String[] lines = block.split("\r?\n");
        StringBuilder cur = null;
        for (String line : lines) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && cur != null) {
                cur.append(' ').append(line.trim());
                continue;
            }
            if (cur != null) {
                addHeader(out, cur.toString());
            }
            cur = line.isEmpty() ? null : new StringBuilder(line);
        }
        if (cur != null) {
            addHeader(out, cur.toString());
        }
        return out;
    }

    private static void addHeader(List<String[]> out, String line) {
        int colon = line.indexOf(':');
        if (colon > 0) {
            out.add(new String[] {line.substring(0, colon).trim(), line.substring(colon + 1).trim()});
        }
    }

    private static List<MimePart> splitMultipart(byte[] raw, int from, int to, String boundary, int depth) {
        byte[] delim = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<MimePart> parts = new ArrayList<>();
        int pos = indexOf(raw, delim, from, to);
        while (pos >= 0) {
            int lineEnd = pos + delim.length;
            if (lineEnd + 1 < to && raw[lineEnd] == '-' && raw[lineEnd + 1] == '-') {
                break;
            }
            int start = lineEnd;
            while (start < to && raw[start] != '\n') {
                start++;
            }
            start++;
            int next = indexOf(raw, delim, start, to);
            int end = next < 0 ? to : next;
            // The CRLF before a delimiter belongs to the delimiter.
            if (end > start && raw[end - 1] == '\n') {
                end--;
                if (end > start && raw[end - 1] == '\r') {
                    end--;
                }
            }
            if (start <= end) {
                parts.add(parse(raw, start, end, depth + 1));
            }
            pos = next;
        }
        return parts;
    }

    private static int indexOf(byte[] raw, byte[] needle, int from, int to) {
        outer:
        for (int i = from; i <= to - needle.length; i++) {
            // Delimiters start a line.
            if (i > 0 && raw[i - 1] != '\n') {
                continue;
            }
            for (int j = 0; j < needle.length; j++) {
                if (raw[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The first header of that name, RFC 2047 words decoded, or null. */
    public String header(String name) {
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                return MimeText.decodeWords(h[1]);
            }
        }
        return null;
    }

    public String contentType() {
        String ct = header("Content-Type");
        if (ct == null) {
            return "text/plain";
        }
        int semi = ct.indexOf(';');
        return (semi < 0 ? ct : ct.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    public String param(String headerName, String param) {
        String v = header(headerName);
        if (v == null) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String piece : v.split(";")) {
            int eq = piece.indexOf('=');
            if (eq > 0) {
                String val = piece.substring(eq + 1).trim();
                if (val.length() >= 2 && val.startsWith("\"") && val.endsWith("\"")) {
                    val = val.substring(1, val.length() - 1);
                }
                params.put(piece.substring(0, eq).trim().toLowerCase(Locale.ROOT), val);
            }
        }
        return params.get(param.toLowerCase(Locale.ROOT));
    }

    public boolean isMultipart() {
        return !children.isEmpty();
    }

    public String text() {
        Charset cs = MimeText.charset(param("Content-Type", "charset"), StandardCharsets.US_ASCII);
        return new String(body == null ? new byte[0] : body, cs);
    }

    public String filename() {
        String f = param("Content-Disposition", "filename");
        return f != null ? f : param("Content-Type", "name");
    }

    public String contentId() {
        String cid = header("Content-ID");
        return cid == null ? null : cid.replace("<", "").replace(">", "").trim();
    }

    /** An attachment, inline or not: anything that is not the message's text. */
    public boolean isAttachment() {
        String disp = header("Content-Disposition");
        boolean attachment = disp != null && disp.trim().toLowerCase(Locale.ROOT).startsWith("attachment");
        boolean textual = contentType().equals("text/plain") || contentType().equals("text/html");
        return attachment || (!textual && !isMultipart()) || (textual && filename() != null);
    }

    /** Leaves in document order. */
    public List<MimePart> leaves() {
        List<MimePart> out = new ArrayList<>();
        collect(this, out);
        return out;
    }

    private static void collect(MimePart p, List<MimePart> out) {
        if (p.isMultipart()) {
            for (MimePart c : p.children) {
                collect(c, out);
            }
        } else {
            out.add(p);
        }
    }
}
