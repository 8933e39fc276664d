package io.m365vault.maintain;

import io.m365vault.repo.ChunkId;

/**
 * The set of live chunk ids, compact: the first 64 bits of each id (a keyed HMAC, so uniformly
 * spread) in an open-addressing table, 8 to 16 bytes an id instead of the hundred a
 * {@code HashSet<ChunkId>} takes, so ten million chunks fit in about 160 MB. Two ids sharing
 * their first 64 bits would make a dead chunk count as live: kept, never wrongly deleted.
 */
final class LiveSet {
    private long[] slots = new long[1 << 12];
    private int size;
    private boolean zero;

    void add(ChunkId id) {
        long k = key(id);
        if (k == 0) {
            if (!zero) {
                zero = true;
                size++;
            }
            return;
        }
        if (2L * (size + 1) > slots.length) {
            grow();
        }
        if (insert(slots, k)) {
            size++;
        }
    }

    boolean contains(ChunkId id) {
        long k = key(id);
        if (k == 0) {
            return zero;
        }
        int mask = slots.length - 1;
        for (int i = index(k, mask); ; i = (i + 1) & mask) {
            if (slots[i] == k) {
                return true;
            }
            if (slots[i] == 0) {
                return false;
            }
        }
    }

    int size() {
        return size;
    }

    private static boolean insert(long[] table, long k) {
        int mask = table.length - 1;
        for (int i = index(k, mask); ; i = (i + 1) & mask) {
            if (table[i] == k) {
                return false;
            }
            if (table[i] == 0) {
                table[i] = k;
                return true;
            }
        }
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (long k : slots) {
            if (k != 0) {
                insert(bigger, k);
            }
        }
        slots = bigger;
    }

    private static int index(long k, int mask) {
        return (int) (k ^ (k >>> 32)) & mask;
    }

    private static long key(ChunkId id) {
        byte[] b = id.bytes();
        long k = 0;
        for (int i = 0; i < 8; i++) {
            k = (k << 8) | (b[i] & 0xff);
        }
        return k;
    }
}
