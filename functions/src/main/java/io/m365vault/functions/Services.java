package io.m365vault.functions;

import io.m365vault.repo.Repository;
import io.m365vault.service.ApiHandler;
import io.m365vault.service.BackupItemService;
import io.m365vault.service.RestoreService;
import io.m365vault.service.ScheduleService;
import io.m365vault.service.VaultServices;
import io.m365vault.service.VaultSettings;
import java.util.Map;

/**
 * What every function of one worker process shares: the services over the {@code vault}
 * repository, opened once from the app settings on first use (unwrapping the data keys is a Key
 * Vault call; doing it per message would be slow and costly). A missing or malformed setting,
 * or storage that cannot be reached, fails that use with one line naming the setting.
 */
public final class Services {
    private final VaultServices vault;
    private final BackupItemService backupItems;
    private final ScheduleService schedule;
    private final RestoreService restores;
    private final ApiHandler api;

    public Services(VaultServices vault) {
        this.vault = vault;
        this.backupItems = vault.backupItems();
        this.schedule = vault.schedule();
        this.restores = vault.restores();
        this.api = ApiHandler.of(vault);
    }

    private static Services process;

    /**
     * The process's services, opened from the environment on the first call that succeeds: a
     * failed open is not kept (a class holder would turn it into NoClassDefFoundError for the
     * life of the process), so storage that comes back is used and bad settings fail each call
     * with the same line.
     */
    public static synchronized Services process() {
        if (process == null) {
            process = open(System.getenv());
        }
        return process;
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

    public ScheduleService schedule() {
        return schedule;
    }

    public RestoreService restores() {
        return restores;
    }

    public ApiHandler api() {
        return api;
    }
}
