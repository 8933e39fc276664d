package io.m365vault.maintain;

import java.util.Map;

/**
 * A monthly cost estimate of a repository at pay-as-you-go list prices (USD, LRS, a region such
 * as West Europe or East US; the figures README's "What it costs at rest" uses). Prices change
 * and differ by region and agreement: an estimate, never a quote. Storage is priced by each
 * pack's own tier (the lifecycle rules move packs to Cool and Cold); the tables by an estimated
 * row size; transactions by the last 30 days' pack writes and the index rows that came with them.
 */
public record StorageCost(double blobs, double tables, double transactions, double microsoftBackup) {
    private static final double GB = 1e9;
    /** USD per GB-month by tier. */
    static final Map<String, Double> PER_GB_MONTH = Map.of("Hot", 0.02, "Cool", 0.01, "Cold", 0.004, "Archive", 0.002);
    static final double TABLES_PER_GB_MONTH = 0.045;
    /** USD per 10,000: a Hot write (Put Blob) and a table transaction (a batch of up to 100 rows counts as one). */
    static final double BLOB_WRITE_PER_10K = 0.065;
    static final double TABLE_PER_10K = 0.00036;
    /** An index row (keys, sealed location) and a catalog row (keys, sealed reference and metadata), in bytes: estimates. */
    static final int INDEX_ROW = 250;
    static final int CATALOG_ROW = 1500;
    /** Microsoft 365 Backup's list price per protected GB-month, the figure to compare with. */
    public static final double MICROSOFT_365_BACKUP_PER_GB = 0.15;

    public static StorageCost of(RepoStats s) {
        double blobs = 0;
        for (Map.Entry<String, Long> t : s.packBytesByTier().entrySet()) {
            blobs += t.getValue() / GB * PER_GB_MONTH.getOrDefault(t.getKey(), PER_GB_MONTH.get("Hot"));
        }
        double tables = (s.chunks() * (double) INDEX_ROW + s.versions() * (double) CATALOG_ROW) / GB * TABLES_PER_GB_MONTH;
        double chunksPerPack = s.packs() == 0 ? 0 : (double) s.chunks() / s.packs();
        double tableTransactions = s.packsWrittenLastMonth() * Math.ceil(chunksPerPack / 100);
        double transactions = s.packsWrittenLastMonth() / 1e4 * BLOB_WRITE_PER_10K + tableTransactions / 1e4 * TABLE_PER_10K;
        return new StorageCost(blobs, tables, transactions, s.protectedBytes() / GB * MICROSOFT_365_BACKUP_PER_GB);
    }

    public double total() {
        return blobs + tables + transactions;
    }
}
