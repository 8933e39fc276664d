package io.m365vault.backup;

/**
 * A set of item ids kept as 64-bit hashes in one open-addressed array: 16 bytes an id at most
 * instead of the ~90 of a {@code HashSet<String>}, so a drive of millions of items fits a small
 * heap. Two ids may share a hash; callers use it where a false "seen" only costs a lookup.
 */
final class SeenHashes {
    private static final long EMPTY = 0;
    private long[] slots = new long[1024];
    private int size;

    /** Adds the id; false when it (or an id with its hash) was there already. */
    boolean add(String id) {
        long h = hash(id);
        if ((size + 1) * 2L > slots.length) {
            grow();
        }
        return insert(slots, h);
    }

    private boolean insert(long[] table, long h) {
        int mask = table.length - 1;
        for (int i = (int) h & mask; ; i = (i + 1) & mask) {
            if (table[i] == h) {
                return false;
            }
            if (table[i] == EMPTY) {
                table[i] = h;
                if (table == slots) {
                    size++;
                }
                return true;
            }
        }
    }

    private void grow() {
        long[] old = slots;
        long[] bigger = new long[old.length * 2];
        for (long h : old) {
            if (h != EMPTY) {
                insert(bigger, h);
            }
        }
        slots = bigger;
    }

    /** FNV-1a over the chars, then a finalising mix (SplitMix64's); never {@link #EMPTY}. */
    private static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return h == EMPTY ? 1 : h;
    }
}
