package io.m365vault.graphsim.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Where a message's MIME comes from: regenerated from a seed, stored bytes, a file, or composed from JSON. */
public interface MimeSource {
    byte[] mime();

    static MimeSource generated(Supplier<MessageSpec> spec) {
        return () -> MimeFactory.build(spec.get());
    }

    static MimeSource bytes(byte[] mime) {
        return () -> mime;
    }

    /** A file given with --mail-dir: read when asked, so a large directory costs no heap. */
    static MimeSource file(Path path) {
        return () -> {
            try {
                return Files.readAllBytes(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** A message created from JSON; attachments posted later are added to its spec. */
    final class Composed implements MimeSource {
        private MessageSpec spec;

        public Composed(MessageSpec spec) {
            this.spec = spec;
        }

        public synchronized MessageSpec spec() {
            return spec;
        }

        public synchronized void addAttachment(MessageSpec.Attachment a) {
            List<MessageSpec.Attachment> atts = new ArrayList<>(spec.attachments());
            atts.add(a);
            spec = new MessageSpec(spec.from(), spec.to(), spec.cc(), spec.subject(), spec.date(), spec.messageId(),
                    spec.charset(), spec.text(), spec.html(), atts, spec.importance(), spec.replyTo());
        }

        @Override
        public synchronized byte[] mime() {
            return MimeFactory.build(spec);
        }
    }
}
