package io.m365vault.graphsim.site;

import io.m365vault.graphsim.model.Hashes;
import io.m365vault.graphsim.model.Names;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * A file attached to a list item, as SharePoint keeps it in the list's {@code Attachments/{itemId}}
 * folder: a name unique within the item, and its bytes. Graph has no API for these; SharePoint
 * REST's {@code AttachmentFiles} serves them.
 */
public record ListAttachment(String name, byte[] content) {
    /** Notes as text for some items, a binary (incompressible) file for others, sized by {@code r}. */
    static ListAttachment generated(SplittableRandom r, String name, boolean binary) {
        if (binary) {
            byte[] b = new byte[8_192 + r.nextInt(120_000)];
            for (int k = 0; k < b.length; k++) {
                b[k] = (byte) r.nextInt(256);
            }
            return new ListAttachment(name, b);
        }
        StringBuilder s = new StringBuilder();
        int lines = 5 + r.nextInt(60);
        for (int k = 0; k < lines; k++) {
            s.append("Note ").append(k + 1).append(": ").append(Names.sentence(r, 4 + r.nextInt(8))).append("\r\n");
        }
        return new ListAttachment(name, s.toString().getBytes(StandardCharsets.UTF_8));
    }

    public String sha256() {
        return Hashes.sha256(content);
    }
}
