package io.m365vault.restore;

import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import io.m365vault.repo.CatalogEntry;
import io.m365vault.repo.ChunkerParams;
import io.m365vault.repo.ContentRef;
import io.m365vault.repo.FileKek;
import io.m365vault.repo.Repository;
import io.m365vault.repo.StorageAccount;
import io.m365vault.repo.WriterSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A mailbox written into a real repository the way the backup writes it: content stored through a
 * writer session, one catalog row per item version with the item's Graph JSON as metadata.
 */
final class MailboxFixture implements AutoCloseable {
    private static final AtomicInteger SEQ = new AtomicInteger();
    static final ProtectedItem USER = new ProtectedItem("user", "8f1c2a/u+1=");

    final Repository repo;
    private final WriterSession session;
    /** The current row of each item, to close it when a later version or a delete comes. */
    private final Map<String, CatalogEntry> current = new LinkedHashMap<>();

    MailboxFixture(io.m365vault.testkit.AzuriteExtension.StorageAccount account, Path tmp) {
        try {
            String name = "x" + Long.toHexString(System.nanoTime()) + SEQ.incrementAndGet();
            repo = Repository.init(StorageAccount.of(account.connectionString()), name,
                    FileKek.create(tmp.resolve("kek-" + name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        session = repo.newSession();
    }

    /** Stores a new version of an item valid from {@code at}, closing the one before it. */
    ContentRef put(Workload w, String kind, String id, String parent, String json, byte[] content, Instant at) {
        ContentRef ref = content == null ? ContentRef.EMPTY : session.store(content, ChunkerParams.SMALL);
        String key = w.id() + "/" + id;
        CatalogEntry before = current.get(key);
        if (before != null) {
            session.record(before.closedAt(at));
        }
        CatalogEntry e = new CatalogEntry(USER.partition(w), id, at, null, kind, parent, ref.size(), ref,
                json.getBytes(StandardCharsets.UTF_8));
        session.record(e);
        current.put(key, e);
        return ref;
    }

    void delete(Workload w, String id, Instant at) {
        CatalogEntry before = current.remove(w.id() + "/" + id);
        session.record(before.closedAt(at));
    }

    void commit() {
        session.commit();
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A small RFC 5322 message with CRLF line ends, as Graph's $value gives it. */
    static byte[] mime(String id, String subject, String body) {
        String m = "From: Alice Example <alice@example.com>\r\n"
                + "To: Bob <bob@example.com>\r\n"
                + "Subject: " + subject + "\r\n"
                + "Date: Mon, 05 Jan 2026 09:00:00 +0000\r\n"
                + "Message-ID: <" + id + "@example.com>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "\r\n"
                + body.replace("\n", "\r\n");
        return m.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        session.close();
        repo.close();
    }
}
