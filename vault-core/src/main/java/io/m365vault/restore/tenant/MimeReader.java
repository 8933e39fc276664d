package io.m365vault.restore.tenant;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.message.DefaultBodyDescriptorBuilder;
import org.apache.james.mime4j.message.MaximalBodyDescriptor;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * Reads a stored message's MIME for what a Graph create needs: the HTML body where there is one
 * (else the text), and every other leaf part as an attachment. Apache James mime4j parses it,
 * leniently as mailers write it, decoding transfer encodings; an attached message is not parsed
 * but kept as the bytes it is. The headers Graph's JSON already carries (subject, addresses,
 * dates) are not read here.
 */
final class MimeReader extends AbstractContentHandler {
    private String html;
    private String text;
    private final List<MessageContent.Attachment> attachments = new ArrayList<>();

    private MimeReader() {
    }

    static MessageContent read(byte[] mime) {
        MimeReader r = new MimeReader();
        MimeStreamParser parser = new MimeStreamParser(MimeConfig.PERMISSIVE, DecodeMonitor.SILENT, new DefaultBodyDescriptorBuilder());
        parser.setContentDecoding(true);
        parser.setNoRecurse();
        parser.setContentHandler(r);
        try {
            parser.parse(new ByteArrayInputStream(mime));
        } catch (MimeException e) {
            throw new IllegalArgumentException("the stored message is not readable MIME: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return r.html != null ? new MessageContent("html", r.html, r.attachments)
                : new MessageContent("text", r.text == null ? "" : r.text, r.attachments);
    }

    @Override
    public void body(BodyDescriptor descriptor, InputStream in) throws IOException {
        MaximalBodyDescriptor d = (MaximalBodyDescriptor) descriptor;
        byte[] bytes = in.readAllBytes();
        String type = d.getMimeType();
        String disposition = d.getContentDispositionType() == null ? "" : d.getContentDispositionType();
        String name = name(d);
        boolean attachment = disposition.equals("attachment") || name != null;
        if (!attachment && type.equals("text/html") && html == null) {
            html = new String(bytes, charset(d));
        } else if (!attachment && type.equals("text/plain") && text == null) {
            text = new String(bytes, charset(d));
        } else {
            String cid = d.getContentId() == null ? null : d.getContentId().trim().replaceAll("^<|>$", "");
            // An attached message has no file name of its own: it goes back as the .eml file it is.
            String fallback = type.equals("message/rfc822") ? "attached message.eml" : "attachment";
            attachments.add(new MessageContent.Attachment(name != null ? name : fallback, type, bytes, cid,
                    cid != null && !disposition.equals("attachment")));
        }
    }

    /** The disposition's filename, else the type's name (RFC 2231 and RFC 2047 forms decoded). */
    private static String name(MaximalBodyDescriptor d) {
        String name = d.getContentDispositionFilename() != null ? d.getContentDispositionFilename() : d.getContentTypeParameters().get("name");
        return name == null ? null : DecoderUtil.decodeEncodedWords(name, DecodeMonitor.SILENT);
    }

    private static Charset charset(MaximalBodyDescriptor d) {
        try {
            return d.getCharset() == null ? StandardCharsets.US_ASCII : Charset.forName(d.getCharset());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.ISO_8859_1; // every byte stays a character
        }
    }
}
