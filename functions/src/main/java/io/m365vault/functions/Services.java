package io.m365vault.functions;

import io.m365vault.repo.Repository;
import io.m365vault.service.ApiHandler;
import io.m365vault.service.BackupItemService;
import io.m365vault.service.BackupQueue;
import io.m365vault.service.RestoreService;
import io.m365vault.service.ScheduleService;
import io.m365vault.service.VaultServices;
import io.m365vault.service.VaultSettings;
import java.util.Map;

/**
 * What every function of one worker process shares: the services over the {@code vault}
 * repository, opened once from the app settings on first use (unwrapping the data keys is a Key
 * Vault call; doing it per message would be slow and costly). An open that fails is not
 * remembered: a transient error (a Key Vault 503, storage or DNS down for a moment) fails that
 * call only and the next call opens again; a missing or malformed setting, or storage that cannot
 * be reached, fails that call with one line naming the setting.
 */
public final class Services {
    private final VaultServices vault;
    private final BackupItemService backupItems;
    private final BackupQueue backupQueue;
    private final ScheduleService schedule;
    private final OpenOnce<RestoreService> restores;
    private final ApiHandler api;

    public Services(VaultServices vault) {
        this.vault = vault;
        this.backupItems = vault.backupItems();
        this.backupQueue = new BackupQueue(backupItems, vault.storage());
        this.schedule = vault.schedule();
        // Opened on first use: without VAULT_EXPORTS (or with its account down) only restores fail, not backups.
        this.restores = new OpenOnce<>(vault::restores);
        this.api = ApiHandler.of(vault);
    }

    private static final OpenOnce<Services> PROCESS = new OpenOnce<>(() -> open(System.getenv()));

    /** The process's services, opened from the environment on the first call that succeeds. */
    public static Services process() {
        return PROCESS.get();
    }

    /**
     * Services over the {@code vault} repository from app settings.
     *
     * @throws io.m365vault.service.SettingsException one line naming the setting: missing, malformed, or
     *                                                storage that cannot be reached or refuses the credentials
     */
    static Services open(Map<String, String> appSettings) {
        return new Services(VaultServices.open(VaultSettings.from(appSettings, VaultSettings.FUNCTIONS), Repository.DEFAULT_NAME));
    }

    public VaultServices vault() {
        return vault;
    }

    public BackupItemService backupItems() {
        return backupItems;
    }

    /** The backup-items and backup-items-poison handlers, shared with {@code vault serve}. */
    public BackupQueue backupQueue() {
        return backupQueue;
    }

    public ScheduleService schedule() {
        return schedule;
    }

    public RestoreService restores() {
        return restores.get();
    }

    public ApiHandler api() {
        return api;
    }
}
