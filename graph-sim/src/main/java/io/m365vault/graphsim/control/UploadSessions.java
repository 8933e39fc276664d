package io.m365vault.graphsim.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.http.GraphError;
import io.m365vault.graphsim.http.Json;
import io.m365vault.graphsim.http.Req;
import io.m365vault.graphsim.http.Res;
import io.m365vault.graphsim.http.Router;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resumable upload sessions, for drive items and for Outlook attachments: ranges must arrive in
 * order; drive sessions also enforce the 320 KiB slice rule. Bytes go to a temp file; the last
 * range completes the session through its completion callback.
 */
public final class UploadSessions {
    public static final int SLICE = 320 * 1024;
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    /** Outlook's limits for attachment upload sessions: fragments up to 4 MiB, 200 until the last. */
    private static final long OUTLOOK_FRAGMENT_MAX = 4L * 1024 * 1024;

    private static final class Session {
        long total;
        final boolean sliceRule;
        boolean outlook;
        final Path file;
        final Function<Path, Res> complete;
        final Instant expires;
        long received;

        Session(long total, boolean sliceRule, Path file, Function<Path, Res> complete, Instant expires) {
            this.total = total;
            this.sliceRule = sliceRule;
            this.file = file;
            this.complete = complete;
            this.expires = expires;
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Path dir;
    private String origin;

    public UploadSessions(Path dir) {
        this.dir = dir;
    }

    public void setOrigin(String origin) {
        this.origin = origin;
    }

    public void register(Router r) {
        r.put("{id}", (q, p) -> put(q, p.get("id")));
        r.get("{id}", (q, p) -> Res.json(status(session(p.get("id")))));
        r.delete("{id}", (q, p) -> {
            Session s = sessions.remove(p.get("id"));
            if (s == null) {
                throw new GraphError(404, "itemNotFound", "The upload session was not found.");
            }
            deleteQuietly(s.file);
            return Res.empty(204);
        });
    }

    /** An Outlook attachment session: no slice rule, fragments up to 4 MiB, 200 OK until the last range, which hands the bytes on. */
    public ObjectNode createOutlook(long total, Function<byte[], Res> complete) {
        ObjectNode j = create(total, false, file -> {
            try {
                return complete.apply(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        String url = j.get("uploadUrl").asText();
        sessions.get(url.substring(url.lastIndexOf('/') + 1)).outlook = true;
        return j;
    }

    /** Opens a session; the response body Graph sends for createUploadSession. */
    public ObjectNode create(long total, boolean sliceRule, Function<Path, Res> complete) {
        String id = UUID.randomUUID().toString().replace("-", "");
        try {
            Path file = Files.createTempFile(dir, "upload-", ".part");
            Session s = new Session(total, sliceRule, file, complete, Instant.now().plusSeconds(3600));
            sessions.put(id, s);
            ObjectNode j = status(s);
            j.put("uploadUrl", origin + "/_upload/" + id);
            return j;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Session session(String id) {
        Session s = sessions.get(id);
        if (s == null) {
            throw new GraphError(404, "itemNotFound", "The upload session was not found or has expired.");
        }
        return s;
    }

    private static ObjectNode status(Session s) {
        ObjectNode j = Json.obj();
        j.put("expirationDateTime", s.expires.toString());
        j.putArray("nextExpectedRanges").add(s.received + "-" + (s.total > 0 ? Long.toString(s.total - 1) : ""));
        return j;
    }

    private Res put(Req req, String id) {
        Session s = session(id);
        String header = req.header("Content-Range");
        Matcher m = header == null ? null : CONTENT_RANGE.matcher(header.trim());
        if (m == null || !m.matches()) {
            throw GraphError.badRequest("invalidRequest", "Content-Range 'bytes START-END/TOTAL' is required, got: " + header);
        }
        long start = Long.parseLong(m.group(1));
        long end = Long.parseLong(m.group(2));
        long length = end - start + 1;
        synchronized (s) {
            if (s.total == Long.MAX_VALUE && !m.group(3).equals("*")) {
                // The session was opened without a size: the first range tells it.
                s.total = Long.parseLong(m.group(3));
            }
            if (!m.group(3).equals("*") && Long.parseLong(m.group(3)) != s.total) {
                throw GraphError.badRequest("invalidRequest", "The total size " + m.group(3) + " does not match the session's " + s.total + ".");
            }
            if (start != s.received) {
                throw new GraphError(416, "invalidRange", "The uploaded fragment does not start at the next expected byte " + s.received + ".");
            }
            if (length != req.body.length || end >= s.total) {
                throw GraphError.badRequest("invalidRange", "The fragment length " + req.body.length + " does not match Content-Range " + header + ".");
            }
            boolean last = end == s.total - 1;
            if (s.sliceRule && !last && length % SLICE != 0) {
                throw GraphError.badRequest("invalidRange", "Fragments other than the last must be a multiple of 320 KiB (327,680 bytes); got " + length + ".");
            }
            if (length > 60L * 1024 * 1024) {
                throw new GraphError(413, "requestTooLarge", "A fragment may be at most 60 MiB.");
            }
            if (s.outlook && length > OUTLOOK_FRAGMENT_MAX) {
                throw new GraphError(413, "RequestBodyTooLarge", "An attachment fragment may be at most 4 MiB; got " + length + " bytes.");
            }
            try (OutputStream out = Files.newOutputStream(s.file, StandardOpenOption.APPEND)) {
                out.write(req.body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            s.received += length;
            if (!last) {
                return Res.json(s.outlook ? 200 : 202, status(s));
            }
            sessions.remove(id);
            return s.complete.apply(s.file);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temp file; the directory goes when the simulator closes
        }
    }
}
