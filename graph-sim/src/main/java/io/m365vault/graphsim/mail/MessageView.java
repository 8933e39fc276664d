package io.m365vault.graphsim.mail;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** What Graph shows of a message, read back from its MIME (so JSON and $value never disagree). */
public record MessageView(String subject, MessageSpec.Address from, List<MessageSpec.Address> to, List<MessageSpec.Address> cc,
                          List<MessageSpec.Address> replyTo, Instant date, String messageId, String importance,
                          String text, String html, List<MessageSpec.Attachment> attachments) {

    public static MessageView of(byte[] mime) {
        MimePart root = MimePart.parse(mime);
        String text = null;
        String html = null;
        List<MessageSpec.Attachment> atts = new ArrayList<>();
        for (MimePart p : root.leaves()) {
            if (p.isAttachment()) {
                String name = p.filename() == null ? "attachment" : MimeText.decodeWords(p.filename());
                atts.add(new MessageSpec.Attachment(name, p.contentType(), p.body == null ? new byte[0] : p.body, p.contentId()));
            } else if (p.contentType().equals("text/plain") && text == null) {
                text = p.text();
            } else if (p.contentType().equals("text/html") && html == null) {
                html = p.text();
            }
        }
        List<MessageSpec.Address> from = addresses(root.header("From"));
        String mid = root.header("Message-ID");
        String importance = root.header("Importance");
        return new MessageView(nullToEmpty(root.header("Subject")), from.isEmpty() ? null : from.get(0),
                addresses(root.header("To")), addresses(root.header("Cc")), addresses(root.header("Reply-To")),
                date(root.header("Date")), mid == null ? null : mid.trim(),
                importance == null ? "normal" : importance.trim().toLowerCase(java.util.Locale.ROOT),
                text, html, atts);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    static Instant date(String v) {
        if (v == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(v.trim().replaceAll("\\s*\\(.*\\)$", ""), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Parses "Name" <a@b>, c@d, =?utf-8?...?= <e@f> into addresses. */
    static List<MessageSpec.Address> addresses(String header) {
        List<MessageSpec.Address> out = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return out;
        }
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        int angle = 0;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '<') {
                angle++;
            } else if (c == '>') {
                angle--;
            }
            if (c == ',' && !quoted && angle == 0) {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        for (String p : parts) {
            String s = p.trim();
            if (s.isEmpty()) {
                continue;
            }
            int lt = s.lastIndexOf('<');
            int gt = s.lastIndexOf('>');
            if (lt >= 0 && gt > lt) {
                String name = s.substring(0, lt).trim();
                if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                    name = name.substring(1, name.length() - 1);
                }
                out.add(new MessageSpec.Address(MimeText.decodeWords(name), s.substring(lt + 1, gt).trim()));
            } else {
                out.add(new MessageSpec.Address(s, s));
            }
        }
        return out;
    }
}
