package io.m365vault.backup.files;

import io.m365vault.graph.GraphReader;
import io.m365vault.graph.GraphStatusException;
import io.m365vault.graph.QuickXorHash;
import java.io.IOException;
import java.io.InputStream;

/**
 * A file's bytes from its pre-authenticated download URL. A cut connection resumes with Range on
 * the same URL (the reader's {@code ResumingStream}); a URL that has expired (401 or 403, at the
 * start or midway) is replaced by a fresh one from the item, and the download goes on from the
 * byte it reached. At the end the bytes must have the size and quickXorHash Graph reported, else
 * the read fails and the item is a failed item: content that does not match is never stored as good.
 */
final class FileDownload extends InputStream {
    /** Fresh URLs asked for, at most, before the item is given up for this run. */
    private static final int MAX_FRESH_URLS = 3;

    /** Where a fresh URL comes from: the item's download URL now, or a version's {@code /content}, which answers 302 to one. */
    @FunctionalInterface
    interface FreshUrl {
        String get() throws IOException;
    }

    private final GraphReader graph;
    private final String itemPath;
    private final FreshUrl freshUrl;
    private final String expectedHash;
    private final long expectedSize;
    private final QuickXorHash hash = new QuickXorHash();
    private String url;
    private InputStream in;
    private long offset;
    private int freshUrls;
    private boolean verified;

    /**
     * @param itemPath     the item's Graph path, for messages
     * @param url          the item's {@code @microsoft.graph.downloadUrl}, or its {@code /content} path when it came without one
     * @param expectedHash {@code file.hashes.quickXorHash}, or null when Graph gave none (then only the size is checked)
     */
    FileDownload(GraphReader graph, String itemPath, String url, FreshUrl freshUrl, String expectedHash, long expectedSize) throws IOException {
        this.graph = graph;
        this.itemPath = itemPath;
        this.freshUrl = freshUrl;
        this.url = url;
        this.expectedHash = expectedHash;
        this.expectedSize = expectedSize;
        connect();
    }

    private void connect() throws IOException {
        while (true) {
            try {
                in = graph.open(url, offset);
                return;
            } catch (GraphStatusException e) {
                refreshOn(e);
            }
        }
    }

    /** A URL that no longer authenticates is replaced; any other error is the item's. */
    private void refreshOn(GraphStatusException e) throws IOException {
        if ((e.status() != 401 && e.status() != 403) || freshUrls >= MAX_FRESH_URLS) {
            throw e;
        }
        freshUrls++;
        url = freshUrl.get();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (true) {
            int n;
            try {
                n = in.read(b, off, len);
            } catch (GraphStatusException e) {
                in.close();
                refreshOn(e);
                connect();
                continue;
            }
            if (n > 0) {
                hash.update(b, off, n);
                offset += n;
                if (offset > expectedSize) {
                    throw new IOException(itemPath + ": the download is longer than the " + expectedSize + " bytes Graph reported");
                }
            } else if (n == -1) {
                verify();
            }
            return n;
        }
    }

    private void verify() throws IOException {
        if (verified) {
            return;
        }
        if (offset != expectedSize) {
            throw new IOException(itemPath + ": the download ended at " + offset + " of the " + expectedSize + " bytes Graph reported");
        }
        String got = hash.base64();
        if (expectedHash != null && !expectedHash.equals(got)) {
            throw new IOException(itemPath + ": the downloaded bytes do not match the file's quickXorHash (Graph reported "
                    + expectedHash + ", the bytes hash to " + got + "): not stored, retried next run");
        }
        verified = true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
