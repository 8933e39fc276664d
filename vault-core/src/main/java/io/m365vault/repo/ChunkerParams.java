package io.m365vault.repo;

/**
 * Sizes for content-defined chunking: smallest, target average and largest chunk, in bytes.
 * Mail, contacts and events are small items, so they get small chunks (dedup inside and across
 * messages); files get large ones so that a pack holds few chunks and the index stays small.
 */
public record ChunkerParams(int min, int avg, int max) {
    public static final ChunkerParams SMALL = new ChunkerParams(16 << 10, 64 << 10, 256 << 10);
    public static final ChunkerParams FILES = new ChunkerParams(256 << 10, 1 << 20, 4 << 20);
    /** The largest chunk any parameters may make: what readers allow a stored chunk to be. */
    public static final int LARGEST = 4 << 20;

    public ChunkerParams {
        if (min < 64 || !(min < avg && avg < max)) {
            throw new IllegalArgumentException(
                    "chunk sizes need 64 <= min < avg < max, got " + min + "/" + avg + "/" + max);
        }
        if (max > LARGEST) {
            throw new IllegalArgumentException("chunks are at most " + LARGEST + " bytes, got a max of " + max);
        }
        if (Integer.bitCount(avg) != 1) {
            // The cut masks are built from log2(avg) bits.
            throw new IllegalArgumentException("average chunk size must be a power of two, got " + avg);
        }
    }

    /** The parameter set for a Graph workload name, as used in the catalog partition keys. */
    public static ChunkerParams forWorkload(String workload) {
        return switch (workload) {
            case "mail", "calendar", "contacts" -> SMALL;
            case "files", "lists", "pages" -> FILES;
            default -> throw new IllegalArgumentException("unknown workload '" + workload
                    + "': expected mail, calendar, contacts, files, lists or pages");
        };
    }
}
