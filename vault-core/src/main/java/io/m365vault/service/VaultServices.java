package io.m365vault.service;

import io.m365vault.backup.BackupOptions;
import io.m365vault.graph.GraphReader;
import io.m365vault.graph.TenantGraphReader;
import io.m365vault.graph.GraphClients;
import io.m365vault.graph.TenantGraph;
import io.m365vault.graph.ThrottleConfig;
import io.m365vault.repo.Repository;
import io.m365vault.repo.StorageAccount;
import java.time.Clock;

/**
 * Every service over one repository and one tenant, wired from the settings: what the Functions
 * hold once per worker process and what a CLI command opens. Closing it closes the repository
 * and the Graph client.
 */
public final class VaultServices implements AutoCloseable {
    /** Graph page size asked for with {@code Prefer: odata.maxpagesize}. */
    public static final int PAGE_SIZE = 100;

    private final VaultSettings settings;
    private final Repository repo;
    private final TenantGraph tenant;
    private final GraphReader graph;
    private final Clock clock;

    private VaultServices(VaultSettings settings, Repository repo, TenantGraph tenant, Clock clock) {
        this.settings = settings;
        this.repo = repo;
        this.tenant = tenant;
        this.graph = new ReachedGraph(new TenantGraphReader(tenant, PAGE_SIZE), tenant.settings().baseUrl());
        this.clock = clock;
    }

    /**
     * Opens repository {@code repoName} (normally {@link Repository#DEFAULT_NAME}) with the settings' key and Graph.
     * Storage that cannot be reached or refuses the credentials fails within seconds, one line
     * naming VAULT_STORAGE; Graph is tried on its first call.
     */
    public static VaultServices open(VaultSettings settings, String repoName) {
        Reachability.storage(settings.storage(), repoName);
        Repository repo = Repository.open(settings.storage(), repoName, settings.kek());
        try {
            return new VaultServices(settings, repo, GraphClients.create(settings.graph(), ThrottleConfig.defaults()), Clock.systemUTC());
        } catch (RuntimeException e) {
            repo.close();
            throw e;
        }
    }

    public VaultSettings settings() {
        return settings;
    }

    public Repository repo() {
        return repo;
    }

    public GraphReader graph() {
        return graph;
    }

    public StorageAccount storage() {
        return settings.storage();
    }

    public RunStore runs() {
        return new RunStore(repo.state());
    }

    public Planner planner() {
        return new Planner(graph);
    }

    public BackupItemService backupItems() {
        int versions = settings.get(io.m365vault.config.Setting.VAULT_POLICY).isPresent() ? settings.policy().fileVersions() : 0;
        return new BackupItemService(repo, graph, BackupOptions.DEFAULTS.withFileVersions(versions), ItemLease.container(storage()), clock);
    }

    /** The backup-items queue's handlers, as the BackupItem and BackupItemPoison functions run them. */
    public BackupQueue backupQueue() {
        return new BackupQueue(backupItems(), storage());
    }

    public ScheduleService schedule() {
        return new ScheduleService(planner(), runs(),
                new QueueSender(QueueNames.queue(storage(), QueueNames.BACKUP_ITEMS), QueueSender.DEFAULT_PARALLELISM), clock);
    }

    public RestoreService restores() {
        return new RestoreService(repo, lookup(), new QueueSender(QueueNames.queue(storage(), QueueNames.RESTORE_JOBS), 1),
                ExportStore.open(settings.exports(), settings.exportWindow(), clock), clock, tenant, ItemLease.container(storage()));
    }

    public ItemLookup lookup() {
        return new ItemLookup(repo, graph, clock);
    }

    public MaintenanceService maintenance() {
        return new MaintenanceService(repo, settings.retention(), storage(), clock);
    }

    public ItemBrowser browser() {
        return new ItemBrowser(repo);
    }

    @Override
    public void close() {
        tenant.close();
        repo.close();
    }
}
