package io.m365vault.restore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns names that come from a mailbox (folder names, subjects, calendar and file names) into one
 * path segment that every common file system accepts: no separators, no control or reserved
 * characters, no Windows device names, no "." or "..", no trailing dot or space, and short enough
 * that a suffix and extension still fit in 255 bytes.
 */
public final class SafeNames {
    /** Bytes of UTF-8 kept from a name, leaving room for " ~hash" and an extension. */
    static final int MAX_BYTES = 120;
    private static final Pattern RESERVED = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\\..*)?");
    private static final String FORBIDDEN = "/\\:*?\"<>|";

    private SafeNames() {
    }

    /** One safe path segment for {@code name}; {@code fallback} when nothing usable is left. */
    public static String segment(String name, String fallback) {
        StringBuilder b = new StringBuilder();
        if (name != null) {
            name.codePoints().forEach(cp -> {
                if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) || FORBIDDEN.indexOf(cp) >= 0
                        || Character.getType(cp) == Character.FORMAT) {
                    b.append('_');
                } else {
                    b.appendCodePoint(cp);
                }
            });
        }
        String s = truncate(b.toString().strip());
        // Windows drops trailing dots and spaces, which would merge "a." with "a".
        s = s.replaceAll("[. ]+$", "");
        if (s.isEmpty() || s.chars().allMatch(c -> c == '.' || c == '_')) {
            s = fallback;
        }
        if (RESERVED.matcher(s).matches()) {
            s = "_" + s;
        }
        return s;
    }

    /** A short, stable tag of an item id: the first 10 hex digits of its SHA-256. */
    public static String tag(String itemId) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(itemId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    static String truncate(String s) {
        return truncate(s, MAX_BYTES);
    }

    /** Keeps at most {@code max} bytes of UTF-8, never splitting a code point. */
    static String truncate(String s, int max) {
        if (s.getBytes(StandardCharsets.UTF_8).length <= max) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > max) {
                break;
            }
            b.appendCodePoint(cp);
            bytes += n;
            i += Character.charCount(cp);
        }
        return b.toString().strip();
    }

    /**
     * Names of the siblings of one directory, unique even on case-insensitive file systems: a name
     * already taken gets its item's tag appended, so the outcome does not depend on which sibling
     * the caller met first as long as the caller offers them in a stable order.
     */
    public static final class Siblings {
        private final Set<String> taken = new HashSet<>();

        /** {@code base} (already safe) plus {@code extension}, or with " ~tag" when taken. */
        public String claim(String base, String extension, String itemId) {
            return claim(base, extension, "", itemId);
        }

        /**
         * Like {@link #claim(String, String, String)}, also keeping {@code name + companion} free
         * for the caller: a mail folder's directory and its {@code .mbox} file share a parent.
         */
        public String claim(String base, String extension, String companion, String itemId) {
            for (int n = -1; ; n++) {
                String candidate = n < 0 ? base + extension
                        : base + " ~" + tag(itemId) + (n == 0 ? "" : "-" + n) + extension;
                String key = candidate.toLowerCase(Locale.ROOT);
                String companionKey = (candidate + companion).toLowerCase(Locale.ROOT);
                if (!taken.contains(key) && (companion.isEmpty() || !taken.contains(companionKey))) {
                    taken.add(key);
                    taken.add(companionKey);
                    return candidate;
                }
            }
        }
    }
}
