package io.m365vault.maintain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cost estimate's arithmetic: each tier at its price, tables by rows, transactions by last month's packs. */
class StorageCostTest {
    @Test
    void pricesEachTierAndTheTablesAndTransactions() {
        // 100 GB Hot, 200 GB Cool, 700 GB Cold; 1,000 packs, 2,000,000 chunks, 500,000 versions; 300 GB protected.
        RepoStats s = new RepoStats(500_000, 400_000, 0, 300_000_000_000L, 2_000_000, 0, 0, 1000, 1_000_000_000_000L,
                Map.of("Hot", 100_000_000_000L, "Cool", 200_000_000_000L, "Cold", 700_000_000_000L), 100);
        StorageCost c = StorageCost.of(s);
        assertEquals(100 * 0.02 + 200 * 0.01 + 700 * 0.004, c.blobs(), 1e-9);
        assertEquals((2_000_000 * 250.0 + 500_000 * 1500.0) / 1e9 * 0.045, c.tables(), 1e-9);
        // 2,000 chunks a pack: 20 index transactions per pack written.
        assertEquals(100 / 1e4 * 0.065 + 100 * 20 / 1e4 * 0.00036, c.transactions(), 1e-12);
        assertEquals(300 * 0.15, c.microsoftBackup(), 1e-9);
        assertEquals(c.blobs() + c.tables() + c.transactions(), c.total(), 1e-12);
    }
}
