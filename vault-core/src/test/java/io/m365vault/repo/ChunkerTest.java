package io.m365vault.repo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ChunkerTest {
    /** Small sizes so that a few MiB give thousands of chunks. */
    private static final ChunkerParams TINY = new ChunkerParams(1024, 4096, 16384);

    static long[] gear(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] g = new long[Chunker.GEAR_SIZE];
        for (int i = 0; i < g.length; i++) {
            g[i] = r.nextLong();
        }
        return g;
    }

    static byte[] random(long seed, int n) {
        byte[] b = new byte[n];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    /** Chunk lengths, in order, as split() hands them out; checks that bytes arrive in order. */
    static List<Integer> split(Chunker c, byte[] data, InputStream in) throws IOException {
        List<Integer> lens = new ArrayList<>();
        int[] pos = {0};
        c.split(in, (buf, off, len) -> {
            assertArrayEquals(Arrays.copyOfRange(data, pos[0], pos[0] + len), Arrays.copyOfRange(buf, off, off + len));
            pos[0] += len;
            lens.add(len);
        });
        assertEquals(data.length, pos[0], "every byte covered exactly once");
        return lens;
    }

    static List<Integer> split(Chunker c, byte[] data) throws IOException {
        return split(c, data, new ByteArrayInputStream(data));
    }

    /** Absolute end offsets of the chunks. */
    static TreeSet<Long> boundaries(List<Integer> lens) {
        TreeSet<Long> s = new TreeSet<>();
        long p = 0;
        for (int l : lens) {
            p += l;
            s.add(p);
        }
        return s;
    }

    static void assertSizes(ChunkerParams p, List<Integer> lens) {
        for (int i = 0; i < lens.size(); i++) {
            int l = lens.get(i);
            assertTrue(l <= p.max(), "chunk " + i + " longer than max: " + l);
            if (i < lens.size() - 1) {
                assertTrue(l >= p.min(), "chunk " + i + " shorter than min: " + l);
            } else {
                assertTrue(l > 0, "empty last chunk");
            }
        }
    }

    @Test
    void coversEveryByteOnceAndRespectsMinMax() throws IOException {
        SplittableRandom r = new SplittableRandom(7);
        for (ChunkerParams p : new ChunkerParams[] {TINY, ChunkerParams.SMALL}) {
            Chunker c = new Chunker(p, gear(1));
            int[] sizes = {0, 1, p.min() - 1, p.min(), p.min() + 1, p.avg(), p.max(), p.max() + 1,
                3 * p.max() + 17, r.nextInt(4 << 20)};
            for (int n : sizes) {
                byte[] data = random(n, n);
                List<Integer> lens = split(c, data);
                assertSizes(p, lens);
                assertEquals(n == 0 ? 0 : Math.max(1, lens.size()), lens.size());
            }
        }
    }

    @Test
    void shortInputIsOneChunk() {
        Chunker c = new Chunker(TINY, gear(1));
        byte[] data = random(3, 100);
        assertEquals(0, c.cut(data, 0, 0));
        assertEquals(100, c.cut(data, 0, 100));
        assertEquals(TINY.min(), c.cut(new byte[TINY.min() + 5], 5, TINY.min()));
    }

    @Test
    void splitMatchesCutWhateverTheReadSizes() throws IOException {
        byte[] data = random(11, 3 << 20);
        Chunker c = new Chunker(TINY, gear(2));
        List<Integer> byCut = new ArrayList<>();
        for (int off = 0; off < data.length; ) {
            int n = c.cut(data, off, data.length - off);
            byCut.add(n);
            off += n;
        }
        SplittableRandom r = new SplittableRandom(5);
        // A stream that returns short, uneven reads, as network streams do.
        InputStream trickle = new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + r.nextInt(70_000)));
            }
        };
        assertEquals(byCut, split(c, data, trickle));
        assertEquals(byCut, split(c, data));
    }

    @Test
    void maxIsEnforcedWhenNoCutPointOccurs() throws IOException {
        long[] never = new long[Chunker.GEAR_SIZE];
        Arrays.fill(never, Long.MIN_VALUE); // (h << 1) + MIN stays MIN: top bit set, no cut matches
        Chunker c = new Chunker(TINY, never);
        List<Integer> lens = split(c, random(1, 5 * TINY.max() + 3));
        assertEquals(List.of(TINY.max(), TINY.max(), TINY.max(), TINY.max(), TINY.max(), 3), lens);
    }

    @Test
    void minIsEnforcedWhenEveryByteIsACutPoint() throws IOException {
        Chunker c = new Chunker(TINY, new long[Chunker.GEAR_SIZE]); // hash stays 0: every position matches
        List<Integer> lens = split(c, random(1, 10 * TINY.min()));
        assertSizes(TINY, lens);
        assertEquals(TINY.min() + 1, lens.get(0));
    }

    @Test
    void cutPointsResynchroniseAfterAnInsertionOrDeletion() throws IOException {
        byte[] data = random(21, 8 << 20);
        Chunker c = new Chunker(ChunkerParams.SMALL, gear(3));
        TreeSet<Long> before = boundaries(split(c, data));

        for (int delta : new int[] {1, 100, 7_000, -1, -50}) {
            int at = 1000;
            byte[] edited;
            if (delta > 0) {
                edited = new byte[data.length + delta];
                System.arraycopy(data, 0, edited, 0, at);
                System.arraycopy(random(delta, delta), 0, edited, at, delta);
                System.arraycopy(data, at, edited, at + delta, data.length - at);
            } else {
                edited = new byte[data.length + delta];
                System.arraycopy(data, 0, edited, 0, at);
                System.arraycopy(data, at - delta, edited, at, data.length - at + delta);
            }
            // In the original's coordinates: the same bytes end a chunk in both.
            TreeSet<Long> after = new TreeSet<>();
            for (long b : boundaries(split(c, edited))) {
                after.add(b - delta);
            }
            long firstShared = -1;
            for (long b : before) {
                if (after.contains(b)) {
                    firstShared = b;
                    break;
                }
            }
            assertTrue(firstShared > 0 && firstShared <= 3L * ChunkerParams.SMALL.max(),
                    "delta " + delta + ": no early common cut point, first shared " + firstShared);
            assertEquals(before.tailSet(firstShared), after.tailSet(firstShared), "delta " + delta);
        }
    }

    @Test
    void sameGearSameCutsOtherGearOtherCuts() throws IOException {
        byte[] data = random(31, 4 << 20);
        List<Integer> a = split(new Chunker(TINY, gear(9)), data);
        List<Integer> b = split(new Chunker(TINY, gear(9)), data);
        List<Integer> other = split(new Chunker(TINY, gear(10)), data);
        assertEquals(a, b);
        assertNotEquals(a, other);
        TreeSet<Long> shared = boundaries(a);
        shared.retainAll(boundaries(other));
        // Keyed chunking: another key shares almost no cut point.
        assertTrue(shared.size() < a.size() / 10, shared.size() + " of " + a.size() + " cut points shared");
    }

    @Test
    void averageChunkSizeIsNearTarget() throws IOException {
        byte[] data = random(41, 48 << 20);
        for (ChunkerParams p : new ChunkerParams[] {TINY, ChunkerParams.SMALL, ChunkerParams.FILES}) {
            List<Integer> lens = split(new Chunker(p, gear(4)), data);
            double mean = (double) data.length / lens.size();
            assertTrue(Math.abs(mean - p.avg()) < 0.15 * p.avg(),
                    p + ": mean chunk " + (long) mean + " over " + lens.size() + " chunks");
        }
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Chunker(TINY, new long[255]));
        Chunker c = new Chunker(TINY, gear(1));
        assertThrows(IndexOutOfBoundsException.class, () -> c.cut(new byte[10], 5, 6));
    }
}
