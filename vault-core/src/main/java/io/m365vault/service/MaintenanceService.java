package io.m365vault.service;

import io.m365vault.maintain.Maintenance;
import io.m365vault.maintain.Prune;
import io.m365vault.maintain.PruneOptions;
import io.m365vault.maintain.PruneReport;
import io.m365vault.maintain.RetentionPolicy;
import io.m365vault.repo.Repository;
import java.time.Clock;
import java.util.Optional;

/**
 * Prune under the repository's maintenance lease, as the CLI and the maintenance timer run it:
 * one prune at a time per repository, stopped before its next change when the lease is lost.
 */
public final class MaintenanceService {
    private final Repository repo;
    private final RetentionPolicy retention;
    private final io.m365vault.repo.StorageAccount storage;
    private final Clock clock;

    public MaintenanceService(Repository repo, RetentionPolicy retention, io.m365vault.repo.StorageAccount storage, Clock clock) {
        this.repo = repo;
        this.retention = retention;
        this.storage = storage;
        this.clock = clock;
    }

    /** The pass's report, or empty when another process holds the maintenance lease. */
    public Optional<PruneReport> prune(PruneOptions options, String holder) {
        return underLease(holder, guard -> new Prune(repo, retention, clock, guard).run(options));
    }

    /**
     * The maintenance timer's run: prune, then verify with every pack decrypted once in
     * {@code verifyDays}; empty when another process holds the maintenance lease.
     */
    public Optional<Maintenance.Report> maintain(int verifyDays, String holder) {
        return underLease(holder, guard -> new Maintenance(repo, new Prune(repo, retention, clock, guard), verifyDays, clock)
                .run(PruneOptions.defaults()));
    }

    /** Runs {@code work} holding the lease; the guard it gets renews the lease and throws once it is lost. */
    private <T> Optional<T> underLease(String holder, java.util.function.Function<Runnable, T> work) {
        Optional<ItemLease> lease = ItemLease.tryAcquireMaintenance(ItemLease.container(storage), repo, holder);
        if (lease.isEmpty()) {
            return Optional.empty();
        }
        try (ItemLease held = lease.get()) {
            return Optional.of(work.apply(held::check));
        }
    }
}
