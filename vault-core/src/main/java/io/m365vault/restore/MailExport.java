package io.m365vault.restore;

import io.m365vault.backup.ItemKind;
import io.m365vault.repo.ContentReader;
import io.m365vault.repo.RepositoryException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Messages to {@code mail/<folder path>/}: one {@code .eml} per message holding exactly the stored
 * MIME, streamed; or one mboxrd file {@code mail/<folder path>.mbox} per folder. A message whose
 * content cannot be read is reported and leaves nothing half-written behind.
 */
final class MailExport {
    static final String DIR = "mail";
    /** asctime, as the From_ line of an mbox has it. */
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@]+@[^\\s@]+");
    private static final int SUBJECT_BYTES = 80;

    private final ContentReader reader;
    private final ExportTarget target;
    private final ExportLedger ledger;

    MailExport(ContentReader reader, ExportTarget target, ExportLedger ledger) {
        this.reader = reader;
        this.target = target;
        this.ledger = ledger;
    }

    void export(MailFolderTree folders, List<MessageRow> messages, MailFormat format) throws IOException {
        Map<List<String>, List<MessageRow>> byFolder = new LinkedHashMap<>();
        List<MessageRow> sorted = new ArrayList<>(messages);
        sorted.sort(Comparator.comparing(MessageRow::received).thenComparing(MessageRow::itemId));
        for (MessageRow m : sorted) {
            byFolder.computeIfAbsent(folders.path(m.folderId()), k -> new ArrayList<>()).add(m);
        }
        for (Map.Entry<List<String>, List<MessageRow>> folder : byFolder.entrySet()) {
            if (format == MailFormat.MBOX) {
                writeMbox(folder.getKey(), folder.getValue());
            } else {
                for (MessageRow m : folder.getValue()) {
                    writeEml(folders, m);
                }
            }
        }
    }

    private void writeEml(MailFolderTree folders, MessageRow m) throws IOException {
        if (!hasContent(m)) {
            return;
        }
        String base = SafeNames.segment(SafeNames.truncate(m.subject() == null ? "" : m.subject(), SUBJECT_BYTES), "no subject");
        String name = folders.siblings(m.folderId()).claim(base + " ~" + SafeNames.tag(m.itemId()), ".eml", m.itemId());
        List<String> segments = new ArrayList<>();
        segments.add(DIR);
        segments.addAll(folders.path(m.folderId()));
        segments.add(name);
        ItemFile.write(reader, target, ledger, segments, ItemKind.MESSAGE, m.itemId(), m.content());
    }

    private void writeMbox(List<String> folderPath, List<MessageRow> messages) throws IOException {
        List<String> segments = new ArrayList<>();
        segments.add(DIR);
        segments.addAll(folderPath.subList(0, folderPath.size() - 1));
        segments.add(folderPath.get(folderPath.size() - 1) + ".mbox");
        List<String> ids = new ArrayList<>();
        try (FileSink sink = target.file(segments, "mbox")) {
            for (MessageRow m : messages) {
                if (!hasContent(m)) {
                    continue;
                }
                // A shared file cannot take back half a message: it is read whole first.
                Path scratch = target.scratch();
                try {
                    try (InputStream in = reader.open(m.content()); OutputStream out = Files.newOutputStream(scratch)) {
                        in.transferTo(out);
                    }
                    appendMboxrd(sink.stream(), m, scratch);
                    ids.add(m.itemId());
                    ledger.exported(ItemKind.MESSAGE);
                } catch (RepositoryException e) {
                    ledger.failed(m.itemId(), ItemKind.MESSAGE, e);
                    ledger.skipped();
                } finally {
                    Files.deleteIfExists(scratch);
                }
            }
            ledger.file(sink.finish(ids));
        }
    }

    private static void appendMboxrd(OutputStream mbox, MessageRow m, Path message) throws IOException {
        String sender = m.sender() != null && ADDRESS.matcher(m.sender()).matches() ? m.sender() : "MAILER-DAEMON";
        mbox.write(("From " + sender + " " + ASCTIME.format(m.received()) + "\n").getBytes(StandardCharsets.US_ASCII));
        MboxrdQuoting quoted = new MboxrdQuoting(mbox);
        try (InputStream in = Files.newInputStream(message)) {
            in.transferTo(quoted);
        }
        quoted.close();
        if (!quoted.endsWithNewline()) {
            mbox.write('\n');
        }
        mbox.write('\n'); // the blank line that ends every message of an mbox
    }

    private boolean hasContent(MessageRow m) {
        if (m.content().size() > 0) {
            return true;
        }
        ledger.failed(m.itemId(), ItemKind.MESSAGE, new ExportException("message " + m.itemId() + " has no stored MIME content"));
        ledger.skipped();
        return false;
    }
}
