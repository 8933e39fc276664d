package io.m365vault.graphsim.mail;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link MessageSpec} as RFC 5322 MIME the way Exchange lays it out: text and HTML as
 * multipart/alternative, inline images in multipart/related, files in multipart/mixed. The bytes
 * depend only on the spec, so {@code $value} is stable.
 */
public final class MimeFactory {
    private static final DateTimeFormatter RFC_5322 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    private MimeFactory() {
    }

    public static byte[] build(MessageSpec m) {
        StringBuilder b = new StringBuilder(4096);
        Charset cs = m.charset();
        header(b, "From", address(m.from(), cs));
        header(b, "To", addresses(m.to(), cs));
        if (!m.cc().isEmpty()) {
            header(b, "Cc", addresses(m.cc(), cs));
        }
        if (!m.replyTo().isEmpty()) {
            header(b, "Reply-To", addresses(m.replyTo(), cs));
        }
        header(b, "Subject", MimeText.encodeWord(m.subject(), cs));
        header(b, "Thread-Topic", MimeText.encodeWord(m.subject(), cs));
        header(b, "Date", RFC_5322.format(m.date()));
        header(b, "Message-ID", "<" + m.messageId() + ">");
        if (m.importance() != null && !m.importance().equals("normal")) {
            header(b, "Importance", m.importance());
        }
        header(b, "Content-Language", "en-US");
        List<MessageSpec.Attachment> files = new ArrayList<>();
        List<MessageSpec.Attachment> inline = new ArrayList<>();
        for (MessageSpec.Attachment a : m.attachments()) {
            (a.inline() && m.html() != null ? inline : files).add(a);
        }
        header(b, "X-MS-Has-Attach", files.isEmpty() ? "" : "yes");
        header(b, "MIME-Version", "1.0");
        String seedTag = Integer.toHexString(m.messageId().hashCode() & 0x7fffffff);
        int[] counter = {0};
        String body = files.isEmpty() ? related(m, inline, seedTag, counter)
                : mixed(m, inline, files, seedTag, counter);
        b.append(body);
        // The headers are ASCII by construction; bodies were encoded already.
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String boundary(String seedTag, int[] counter) {
        return "_00" + (counter[0]++) + "_" + seedTag + "SIMGRAPH_";
    }

    private static String mixed(MessageSpec m, List<MessageSpec.Attachment> inline, List<MessageSpec.Attachment> files,
                                String seedTag, int[] counter) {
        String bd = boundary(seedTag, counter);
        StringBuilder b = new StringBuilder();
        b.append("Content-Type: multipart/mixed;").append(MimeText.CRLF).append("\tboundary=\"").append(bd).append('"')
                .append(MimeText.CRLF).append(MimeText.CRLF);
        b.append("--").append(bd).append(MimeText.CRLF).append(related(m, inline, seedTag, counter)).append(MimeText.CRLF);
        for (MessageSpec.Attachment a : files) {
            b.append("--").append(bd).append(MimeText.CRLF).append(attachment(a, m.charset(), false)).append(MimeText.CRLF);
        }
        b.append("--").append(bd).append("--").append(MimeText.CRLF);
        return b.toString();
    }

    private static String related(MessageSpec m, List<MessageSpec.Attachment> inline, String seedTag, int[] counter) {
        if (inline.isEmpty()) {
            return alternative(m, seedTag, counter);
        }
        String bd = boundary(seedTag, counter);
        StringBuilder b = new StringBuilder();
        b.append("Content-Type: multipart/related;").append(MimeText.CRLF).append("\tboundary=\"").append(bd)
                .append("\";").append(MimeText.CRLF).append("\ttype=\"multipart/alternative\"")
                .append(MimeText.CRLF).append(MimeText.CRLF);
        b.append("--").append(bd).append(MimeText.CRLF).append(alternative(m, seedTag, counter)).append(MimeText.CRLF);
        for (MessageSpec.Attachment a : inline) {
            b.append("--").append(bd).append(MimeText.CRLF).append(attachment(a, m.charset(), true)).append(MimeText.CRLF);
        }
        b.append("--").append(bd).append("--").append(MimeText.CRLF);
        return b.toString();
    }

    private static String alternative(MessageSpec m, String seedTag, int[] counter) {
        if (m.html() == null) {
            return textPart("text/plain", m.text(), m.charset());
        }
        String bd = boundary(seedTag, counter);
        return "Content-Type: multipart/alternative;" + MimeText.CRLF + "\tboundary=\"" + bd + '"'
                + MimeText.CRLF + MimeText.CRLF
                + "--" + bd + MimeText.CRLF + textPart("text/plain", m.text(), m.charset()) + MimeText.CRLF
                + "--" + bd + MimeText.CRLF + textPart("text/html", m.html(), m.charset()) + MimeText.CRLF
                + "--" + bd + "--" + MimeText.CRLF;
    }

    private static String textPart(String type, String text, Charset cs) {
        byte[] bytes = text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(cs);
        boolean utf8 = cs.equals(StandardCharsets.UTF_8);
        // Stateful encodings such as ISO-2022-JP are 7-bit and go base64, like Outlook sends them.
        boolean qp = utf8 || cs.equals(StandardCharsets.ISO_8859_1) || cs.name().startsWith("windows-125");
        String encoded = qp ? MimeText.quotedPrintable(bytes) : MimeText.base64Lines(bytes);
        return "Content-Type: " + type + "; charset=\"" + cs.name().toLowerCase(Locale.ROOT) + "\"" + MimeText.CRLF
                + "Content-Transfer-Encoding: " + (qp ? "quoted-printable" : "base64") + MimeText.CRLF + MimeText.CRLF
                + encoded + (qp && !encoded.endsWith(MimeText.CRLF) ? MimeText.CRLF : "");
    }

    private static String attachment(MessageSpec.Attachment a, Charset cs, boolean inline) {
        String name = MimeText.encodeWord(a.name(), StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder();
        b.append("Content-Type: ").append(a.contentType()).append("; name=\"").append(name).append('"').append(MimeText.CRLF);
        b.append("Content-Description: ").append(name).append(MimeText.CRLF);
        b.append("Content-Disposition: ").append(inline ? "inline" : "attachment").append("; filename=\"").append(name)
                .append("\"; size=").append(a.bytes().length).append(MimeText.CRLF);
        if (a.contentId() != null) {
            b.append("Content-ID: <").append(a.contentId()).append('>').append(MimeText.CRLF);
        }
        b.append("Content-Transfer-Encoding: base64").append(MimeText.CRLF).append(MimeText.CRLF);
        b.append(MimeText.base64Lines(a.bytes()));
        return b.toString();
    }

    private static void header(StringBuilder b, String name, String value) {
        b.append(name).append(": ").append(value).append(MimeText.CRLF);
    }

    private static String address(MessageSpec.Address a, Charset cs) {
        if (a.name() == null || a.name().isEmpty()) {
            return "<" + a.address() + ">";
        }
        String n = MimeText.encodeWord(a.name(), cs);
        return (n.equals(a.name()) ? "\"" + n + "\"" : n) + " <" + a.address() + ">";
    }

    private static String addresses(List<MessageSpec.Address> list, Charset cs) {
        List<String> parts = new ArrayList<>();
        for (MessageSpec.Address a : list) {
            parts.add(address(a, cs));
        }
        return String.join(", ", parts);
    }
}
