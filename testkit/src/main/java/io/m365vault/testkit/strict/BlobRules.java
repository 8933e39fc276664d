package io.m365vault.testkit.strict;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Block blob limits of the API version the request names (x-ms-version): the largest Put Blob,
 * the largest Put Block, the largest Append Block and the number of blocks a Put Block List
 * may commit.
 */
public final class BlobRules implements Rules {
    private static final long MIB = 1024L * 1024;
    private static final Pattern BLOCK = Pattern.compile("<(Latest|Committed|Uncommitted)>");

    /** The limits one API version documents. */
    public record Limits(long putBlobBytes, long putBlockBytes, long appendBlockBytes, int committedBlocks) { }

    private final Function<String, Limits> limits;

    public BlobRules() {
        this(BlobRules::documented);
    }

    /** With other limits, e.g. scaled down so a test can send a request just inside them. */
    public BlobRules(Function<String, Limits> limits) {
        this.limits = limits;
    }

    /**
     * Put Blob: 5,000 MiB from 2019-12-12, 256 MiB from 2016-05-31, 64 MiB before. Put Block:
     * 4,000 MiB from 2019-12-12, 100 MiB from 2016-05-31, 4 MiB before. Append Block: 4 MiB.
     * A block blob: 50,000 committed blocks.
     */
    public static Limits documented(String version) {
        String v = version == null ? "2019-12-12" : version;
        if (v.compareTo("2019-12-12") >= 0) {
            return new Limits(5000 * MIB, 4000 * MIB, 4 * MIB, 50_000);
        }
        if (v.compareTo("2016-05-31") >= 0) {
            return new Limits(256 * MIB, 100 * MIB, 4 * MIB, 50_000);
        }
        return new Limits(64 * MIB, 4 * MIB, 4 * MIB, 50_000);
    }

    @Override
    public Optional<Refusal> check(StrictRequest request) {
        if (!request.method().equals("PUT")) {
            return Optional.empty();
        }
        Limits l = limits.apply(request.header("x-ms-version"));
        String comp = request.query().get("comp");
        long length = request.contentLength();
        if (comp == null && "BlockBlob".equalsIgnoreCase(request.header("x-ms-blob-type"))) {
            return tooLarge(length, l.putBlobBytes(), "Put Blob");
        }
        if ("block".equals(comp)) {
            return tooLarge(length, l.putBlockBytes(), "Put Block");
        }
        if ("appendblock".equals(comp)) {
            return tooLarge(length, l.appendBlockBytes(), "Append Block");
        }
        if ("blocklist".equals(comp)) {
            Matcher m = BLOCK.matcher(new String(request.body(), StandardCharsets.UTF_8));
            int blocks = 0;
            while (m.find()) {
                blocks++;
            }
            if (blocks > l.committedBlocks()) {
                return Optional.of(Refusal.xml(409, "BlockCountExceedsLimit", "The committed block count cannot exceed the maximum limit of "
                        + l.committedBlocks() + " blocks: the list names " + blocks + "."));
            }
        }
        return Optional.empty();
    }

    private static Optional<Refusal> tooLarge(long length, long max, String operation) {
        if (length <= max) {
            return Optional.empty();
        }
        // Decided on the headers alone: the body is never read, Azure refuses before it too.
        return Optional.of(Refusal.xml(413, "RequestBodyTooLarge", "The request body is too large and exceeds the maximum permissible limit: "
                + operation + " of " + length + " bytes, at most " + max + ".\nMaxLimit:" + max));
    }
}
