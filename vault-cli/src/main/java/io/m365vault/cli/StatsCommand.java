package io.m365vault.cli;

import io.m365vault.maintain.RepoStats;
import io.m365vault.maintain.StorageCost;
import io.m365vault.service.VaultServices;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;

/** `vault stats`: what the repository protects and stores, its ratios, and what that costs a month (an estimate). */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Protected bytes (every item's current version), stored bytes (pack blobs, by access tier), packs, chunks,",
                "versions, the ratios, and a monthly cost estimate at list prices beside Microsoft 365 Backup's $0.15 per protected GB."})
final class StatsCommand extends RepoCommand {
    @Override
    public Integer call() {
        try (VaultServices vs = open()) {
            RepoStats s = RepoStats.of(vs.repo(), Instant.now());
            print(env().out(), s, StorageCost.of(s));
            return 0;
        }
    }

    static void print(PrintStream out, RepoStats s, StorageCost c) {
        out.printf(Locale.ROOT, "protected %s in %d current versions (%d versions in all, %s of content)%n",
                Sizes.bytes(s.protectedBytes()), s.currentVersions(), s.versions(), Sizes.bytes(s.logicalBytes()));
        StringBuilder tiers = new StringBuilder();
        for (Map.Entry<String, Long> t : s.packBytesByTier().entrySet()) {
            tiers.append(tiers.length() == 0 ? "" : ", ").append(t.getKey()).append(' ').append(Sizes.bytes(t.getValue()));
        }
        out.printf(Locale.ROOT, "stored %s in %d packs (%s); %d chunks, %s unique before compression%n",
                Sizes.bytes(s.packBytes()), s.packs(), tiers.length() == 0 ? "none" : tiers, s.chunks(), Sizes.bytes(s.uniqueBytes()));
        out.printf(Locale.ROOT, "ratios: stored/protected %.3f, dedup %s, compression %s%n",
                s.storedPerProtected(), Sizes.ratio(s.dedup()), Sizes.ratio(s.compression()));
        out.printf(Locale.ROOT, "estimated cost per month (USD, list prices, LRS; an estimate): $%.2f = blobs $%.2f + tables $%.2f"
                        + " + transactions $%.2f (%d packs written in the last 30 days)%n",
                c.total(), c.blobs(), c.tables(), c.transactions(), s.packsWrittenLastMonth());
        out.printf(Locale.ROOT, "Microsoft 365 Backup at $%.2f per protected GB-month: $%.2f%n",
                StorageCost.MICROSOFT_365_BACKUP_PER_GB, c.microsoftBackup());
    }
}
