package io.m365vault.graphsim.drive;

/** An HTTP Range header ("bytes=a-b", "bytes=a-", "bytes=-n") resolved against a length. */
public record ByteRange(long from, long count) {
    /** null: no (usable) Range header, serve everything; throws IllegalArgumentException when unsatisfiable. */
    public static ByteRange parse(String header, long length) {
        if (header == null || !header.trim().startsWith("bytes=") || header.contains(",")) {
            return null;
        }
        String spec = header.trim().substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        String a = spec.substring(0, dash).trim();
        String b = spec.substring(dash + 1).trim();
        long from;
        long to;
        try {
            if (a.isEmpty()) {
                long n = Long.parseLong(b);
                from = Math.max(0, length - n);
                to = length - 1;
            } else {
                from = Long.parseLong(a);
                to = b.isEmpty() ? length - 1 : Math.min(Long.parseLong(b), length - 1);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        if (from >= length || to < from) {
            throw new IllegalArgumentException("bytes */" + length);
        }
        return new ByteRange(from, to - from + 1);
    }
}
