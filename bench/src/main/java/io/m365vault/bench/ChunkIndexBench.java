package io.m365vault.bench;

import com.azure.data.tables.TableClient;
import com.azure.data.tables.TableClientBuilder;
import io.m365vault.repo.ChunkId;
import io.m365vault.repo.PackEntry;
import io.m365vault.repo.Parallel;
import io.m365vault.repo.TableChunkIndex;
import io.m365vault.testkit.AzuriteProcess;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The dedup lookup against an index of N rows in Azurite (in memory): bulk-loads N rows in
 * transactions of 100 (16 in flight), then for each lookup design asks batches of 128 ids, half
 * of them indexed and half new, as WriterSession does for one 8 MiB batch of mail-sized chunks.
 * Then a pack's worth of new chunks (256) is looked up and added, counting the requests.
 * Prints one JSON line per (N, design).
 *
 * <p>Azurite is plain here, not behind the strict layer: the old design (15 RowKeys in one
 * filter, 16 comparisons) would be refused there.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar io.m365vault.bench.ChunkIndexBench [seconds [rows...]]}: the
 * sizes ascending, one table grown from one to the next.
 */
public final class ChunkIndexBench {
    private static final io.m365vault.repo.RepoKeys KEYS = io.m365vault.repo.RepoKeys.generate();
    private static final int PARTITIONS = 16;
    private static final int BATCH = 128;
    private static final int PACK = 256;

    private ChunkIndexBench() {
    }

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        long[] sizes = args.length > 1
                ? java.util.Arrays.stream(args, 1, args.length).mapToLong(Long::parseLong).toArray()
                : new long[] {10_000, 100_000, 1_000_000};
        try (AzuriteProcess azurite = AzuriteProcess.start(); Parallel io = new Parallel(16)) {
            // One table grown step by step: each size is measured on the way to the next.
            String name = "benchindex";
            TableClient loader = client(azurite, name, new RequestCounter());
            loader.createTable();
            SplittableRandom random = new SplittableRandom(1);
            List<ChunkId> sample = new ArrayList<>();
            long loaded = 0;
            for (long rows : sizes) {
                loaded += load(new TableChunkIndex(loader, io, KEYS), loaded, rows - loaded, random, sample);
                run(rows, "orFilter14", azurite, name, seconds, sample, random,
                        (t, c) -> IndexLookups.orFilter(t, io, 14), io);
                run(rows, "orFilter15-old", azurite, name, seconds, sample, random,
                        (t, c) -> IndexLookups.orFilter(t, io, 15), io);
                run(rows, "pointQuery-new", azurite, name, seconds, sample, random,
                        (t, c) -> IndexLookups.pointQuery(new TableChunkIndex(t, io, KEYS)), io);
                run(rows, "pointRead", azurite, name, seconds, sample, random,
                        (t, c) -> IndexLookups.pointRead(t, io), io);
                run(rows, "pointReadAsync", azurite, name, seconds, sample, random,
                        (t, c) -> IndexLookups.pointReadAsync(new TableClientBuilder().connectionString(azurite.connectionString())
                                .tableName(name).addPolicy(c).buildAsyncClient()), io);
            }
        }
    }

    /**
     * Adds n rows in packs of 1,600 ids, 100 per partition, so each pack is 16 full transactions;
     * keeps about one id in 20 (at most 50,000 in all) as the sample that lookups hit.
     */
    private static long load(TableChunkIndex index, long from, long n, SplittableRandom random, List<ChunkId> sample) {
        long start = System.nanoTime();
        long loaded = 0;
        long reported = 0;
        int pack = 0;
        while (loaded < n) {
            List<PackEntry> entries = new ArrayList<>();
            for (int p = 0; p < PARTITIONS && loaded < n; p++) {
                for (int i = 0; i < 100 && loaded < n; i++, loaded++) {
                    ChunkId id = id(random, p);
                    entries.add(new PackEntry(id, i * 65_536, 65_000, 65_536, 1));
                    if (random.nextInt(20) == 0) {
                        if (sample.size() < 50_000) {
                            sample.add(id);
                        } else {
                            sample.set(random.nextInt(sample.size()), id);
                        }
                    }
                }
            }
            index.add("pack" + from + "-" + pack++, entries);
            if (loaded - reported >= 100_000) {
                reported = loaded;
                double s = (System.nanoTime() - start) / 1e9;
                System.out.println(String.format(Locale.ROOT, "{\"loading\":%d,\"seconds\":%.0f,\"rowsPerSec\":%.0f}", from + loaded, s, loaded / s));
            }
        }
        double s = (System.nanoTime() - start) / 1e9;
        System.out.println(String.format(Locale.ROOT, "{\"rows\":%d,\"added\":%d,\"loadSeconds\":%.1f,\"rowsPerSec\":%.0f}",
                from + n, n, s, n / s));
        return n;
    }

    interface Design {
        Function<Collection<ChunkId>, Set<ChunkId>> make(TableClient table, RequestCounter counter);
    }

    private static void run(long rows, String design, AzuriteProcess azurite, String name, int seconds, List<ChunkId> sample,
                            SplittableRandom random, Design make, Parallel io) {
        RequestCounter counter = new RequestCounter();
        TableClient table = client(azurite, name, counter);
        Function<Collection<ChunkId>, Set<ChunkId>> lookup = make.make(table, counter);
        // Warm-up: one batch, not counted.
        lookup.apply(batch(sample, random));
        long before = counter.requests();
        long lookups = 0;
        long hits = 0;
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<ChunkId> batch = batch(sample, random);
            Set<ChunkId> found = lookup.apply(batch);
            lookups += batch.size();
            hits += found.size();
        }
        double s = (System.nanoTime() - start) / 1e9;
        long lookupRequests = counter.requests() - before;
        // One pack of new chunks: look them up (none found), then add their rows.
        List<ChunkId> fresh = new ArrayList<>();
        List<PackEntry> entries = new ArrayList<>();
        for (int i = 0; i < PACK; i++) {
            ChunkId id = id(random, random.nextInt(PARTITIONS));
            fresh.add(id);
            entries.add(new PackEntry(id, i, 1, 1, 0));
        }
        long packBefore = counter.requests();
        long packStart = System.nanoTime();
        int foundNew = lookup.apply(fresh).size();
        new TableChunkIndex(table, io, KEYS).add("fresh-" + design, entries);
        double packSeconds = (System.nanoTime() - packStart) / 1e9;
        long packRequests = counter.requests() - packBefore;
        System.out.println(String.format(Locale.ROOT,
                "{\"rows\":%d,\"design\":\"%s\",\"lookups\":%d,\"hitRate\":%.2f,\"seconds\":%.1f,\"lookupsPerSec\":%.0f,"
                        + "\"requestsPerLookup\":%.3f,\"newPackOf\":%d,\"requestsPerNewChunk\":%.3f,\"newPackSeconds\":%.2f,\"wronglyFound\":%d}",
                rows, design, lookups, hits / (double) lookups, s, lookups / s, lookupRequests / (double) lookups, PACK,
                packRequests / (double) PACK, packSeconds, foundNew));
    }

    /** Half ids from the index, half never stored. */
    private static List<ChunkId> batch(List<ChunkId> sample, SplittableRandom random) {
        List<ChunkId> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            batch.add(i % 2 == 0 ? sample.get(random.nextInt(sample.size())) : id(random, random.nextInt(PARTITIONS)));
        }
        return batch;
    }

    private static ChunkId id(SplittableRandom random, int partition) {
        byte[] b = new byte[ChunkId.LENGTH];
        random.nextBytes(b);
        b[0] = (byte) ((partition << 4) | (b[0] & 0x0F));
        return ChunkId.of(b);
    }

    private static TableClient client(AzuriteProcess azurite, String table, RequestCounter counter) {
        return new TableClientBuilder().connectionString(azurite.connectionString()).tableName(table).addPolicy(counter).buildClient();
    }
}
