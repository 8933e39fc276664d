package io.m365vault.config;

/**
 * The settings of DESIGN §6: one set of names for Function App settings, local.settings.json
 * and the CLI's environment. The infra test checks that the Bicep sets every one marked
 * {@code deployed}.
 */
public enum Setting {
    VAULT_STORAGE(true, "connection string or account URL (managed identity when a URL)"),
    VAULT_EXPORTS(true, "blob URL or connection string of the exports account (no blob versioning, no soft delete);"
            + " may be left out only when VAULT_STORAGE is a local emulator"),
    VAULT_EXPORT_DAYS(true, "days an export stays downloadable before it is deleted (default 7)"),
    VAULT_KEK(true, "keyvault:<key id>, file:<path> or passphrase-env:<VAR>"),
    GRAPH_TENANT_ID(true, "Entra ID tenant id of the protected tenant"),
    GRAPH_CLIENT_ID(true, "application (client) id; in Azure the managed identity's client id"),
    GRAPH_CLIENT_SECRET(false, "client secret (local use; Azure uses the managed identity)"),
    GRAPH_CLIENT_CERT(false, "path to a PEM or PFX client certificate"),
    GRAPH_BASE_URL(false, "Graph base URL, default https://graph.microsoft.com/v1.0"),
    VAULT_POLICY(true, "JSON: what to protect per workload"),
    VAULT_SCHEDULE(true, "cron expression of the backup timer"),
    VAULT_RETENTION(true, "JSON: what prune keeps of each item's versions (default: all for 14 days, then daily 31, weekly 13, monthly 12)"),
    VAULT_MAINTENANCE_SCHEDULE(true, "cron expression of the maintenance timer (prune, then verify)"),
    VAULT_VERIFY_DAYS(true, "days within which the maintenance timer's verify decrypts every pack once (default 30)"),
    VAULT_FUNCTION_KEY(false, "local `vault serve` only: the key HTTP calls must carry");

    private final boolean deployed;
    private final String meaning;

    Setting(boolean deployed, String meaning) {
        this.deployed = deployed;
        this.meaning = meaning;
    }

    /** True when the Function App in Azure must have this setting. */
    public boolean deployed() {
        return deployed;
    }

    public String meaning() {
        return meaning;
    }
}
