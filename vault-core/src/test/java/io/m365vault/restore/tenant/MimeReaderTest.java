package io.m365vault.restore.tenant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The body and attachments a restore takes from stored MIME, written here the ways other mailers than graph-sim write it. */
class MimeReaderTest {
    private static final String ATTACHED = "From: a@example.com\r\nSubject: inner\r\n\r\nhello\r\n";

    @Test
    void htmlWinsOverTextAndEncodedNamesAndInlineImagesAreKept() {
        String png = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, (byte) 0xff});
        String mime = "From: x@example.com\nSubject: =?utf-8?q?caf=C3=A9?=\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=\"outer\"\n\npreamble\n"
                + "--outer\nContent-Type: multipart/related;\n\tboundary=inner; type=\"multipart/alternative\"\n\n"
                + "--inner\nContent-Type: multipart/alternative; boundary=\"alt\"\n\n"
                + "--alt\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\ncaf=C3=A9 =\nlong line\n"
                + "--alt\nContent-Type: text/html; charset=\"iso-8859-1\"\nContent-Transfer-Encoding: quoted-printable\n\n"
                + "<p>caf=E9</p><img src=3D\"cid:img1\">\n--alt--\n"
                + "--inner\nContent-Type: image/png\nContent-ID: <img1>\nContent-Transfer-Encoding: base64\n\n" + png + "\n--inner--\n"
                + "--outer\nContent-Type: application/pdf;\n name=\"=?UTF-8?B?" + Base64.getEncoder().encodeToString("résumé.pdf".getBytes(StandardCharsets.UTF_8))
                + "?=\"\nContent-Disposition: attachment\nContent-Transfer-Encoding: base64\n\nJVBERi0=\n"
                + "--outer\nContent-Type: message/rfc822\n\n" + ATTACHED + "\n--outer--\nepilogue\n";
        MessageContent c = MimeReader.read(mime.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("html", c.bodyType());
        assertEquals("<p>café</p><img src=\"cid:img1\">", c.body());
        assertEquals(3, c.attachments().size(), c.attachments().toString());
        MessageContent.Attachment img = c.attachments().get(0);
        assertEquals("img1", img.contentId());
        assertTrue(img.inline(), "a related image with a Content-ID stays inline");
        assertArrayEquals(new byte[] {1, 2, 3, (byte) 0xff}, img.bytes());
        MessageContent.Attachment pdf = c.attachments().get(1);
        assertEquals("résumé.pdf", pdf.name());
        assertEquals("application/pdf", pdf.contentType());
        assertEquals("%PDF-", new String(pdf.bytes(), StandardCharsets.US_ASCII));
        assertFalse(pdf.inline());
        MessageContent.Attachment eml = c.attachments().get(2);
        assertEquals("attached message.eml", eml.name());
        assertEquals(ATTACHED, new String(eml.bytes(), StandardCharsets.US_ASCII));
    }

    @Test
    void aSinglePartMessageIsItsTextBody() {
        MessageContent c = MimeReader.read("Subject: hi\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                .concat(Base64.getMimeEncoder().encodeToString("Grüße\r\nzweite Zeile".getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.US_ASCII));
        assertEquals("text", c.bodyType());
        assertEquals("Grüße\r\nzweite Zeile", c.body());
        assertTrue(c.attachments().isEmpty());
        assertEquals("", MimeReader.read("Subject: none\r\n".getBytes(StandardCharsets.US_ASCII)).body());
    }
}
