package io.m365vault.restore.tenant;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Locale;

/** A MIME part's Content-Transfer-Encoding undone: base64, quoted-printable, or the bytes as they are (7bit, 8bit, binary). */
final class Transfer {
    private Transfer() {
    }

    static byte[] decode(String encoding, byte[] body) {
        String e = encoding == null ? "" : encoding.trim().toLowerCase(Locale.ROOT);
        return switch (e) {
            // The MIME decoder skips line breaks and anything outside the alphabet, as mail readers do.
            case "base64" -> Base64.getMimeDecoder().decode(body);
            case "quoted-printable" -> quotedPrintable(body);
            default -> body;
        };
    }

    /** Soft line breaks ({@code =} at a line's end) dropped, {@code =XX} to its byte; a malformed escape stays literal. */
    static byte[] quotedPrintable(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b != '=') {
                out.write(b);
                continue;
            }
            if (i + 1 < in.length && in[i + 1] == '\n') {
                i += 1;
            } else if (i + 2 < in.length && in[i + 1] == '\r' && in[i + 2] == '\n') {
                i += 2;
            } else if (i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                out.write(hex(in[i + 1]) * 16 + hex(in[i + 2]));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }
}
