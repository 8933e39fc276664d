package io.m365vault.repo;

import com.azure.data.tables.TableServiceClient;
import com.azure.data.tables.TableServiceClientBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.queue.QueueServiceClient;
import com.azure.storage.queue.QueueServiceClientBuilder;
import java.net.URI;

/**
 * The storage account of VAULT_STORAGE (or VAULT_EXPORTS): a connection string (Azurite, keys) or
 * an account's blob URL, reached with managed identity; table and queue endpoints follow from the
 * blob one. Every client it makes bounds each call by its {@link StorageTimeouts}.
 */
public final class StorageAccount {
    private final String setting;
    private final boolean url;
    private final StorageTimeouts timeouts;

    private StorageAccount(String setting, boolean url, StorageTimeouts timeouts) {
        this.setting = setting;
        this.url = url;
        this.timeouts = timeouts;
    }

    public static StorageAccount of(String setting) {
        return of("VAULT_STORAGE", setting, StorageTimeouts.DEFAULT);
    }

    public static StorageAccount of(String setting, StorageTimeouts timeouts) {
        return of("VAULT_STORAGE", setting, timeouts);
    }

    /** The account a setting named {@code name} gives; errors name that setting. */
    public static StorageAccount of(String name, String setting) {
        return of(name, setting, StorageTimeouts.DEFAULT);
    }

    public static StorageAccount of(String name, String setting, StorageTimeouts timeouts) {
        if (setting == null || setting.isBlank()) {
            throw new IllegalArgumentException(name + " is not set: give a connection string or an account URL");
        }
        String s = setting.trim();
        if (s.startsWith("https://") || s.startsWith("http://")) {
            URI u = URI.create(s);
            if (u.getHost() == null || !u.getHost().contains(".blob.")) {
                throw new IllegalArgumentException(name + " must be the account's blob URL (https://<account>.blob.core.windows.net), not " + s);
            }
            return new StorageAccount(s, true, timeouts);
        }
        if (!s.contains("AccountName=") && !s.contains("UseDevelopmentStorage=true")) {
            throw new IllegalArgumentException(name + " is neither a connection string (AccountName=...;AccountKey=...) nor an account URL");
        }
        return new StorageAccount(s, false, timeouts);
    }

    /**
     * True for a local emulator (Azurite): {@code UseDevelopmentStorage=true} or a connection
     * string whose blob endpoint is on this machine. Azurite keeps no blob versions and no
     * soft-deleted copies, which is what makes it safe to hold exports beside the repository.
     */
    public boolean emulator() {
        if (url) {
            return false;
        }
        if (setting.contains("UseDevelopmentStorage=true")) {
            return true;
        }
        for (String part : setting.split(";")) {
            if (part.trim().startsWith("BlobEndpoint=")) {
                String host = URI.create(part.trim().substring("BlobEndpoint=".length())).getHost();
                return host != null && (host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]"));
            }
        }
        return false;
    }

    public BlobServiceClient blobs() {
        BlobServiceClientBuilder b = new BlobServiceClientBuilder().clientOptions(timeouts.httpOptions())
                .retryOptions(timeouts.storageRetries());
        return (url ? b.endpoint(setting).credential(new DefaultAzureCredentialBuilder().build())
                : b.connectionString(setting)).buildClient();
    }

    public TableServiceClient tables() {
        TableServiceClientBuilder b = new TableServiceClientBuilder().clientOptions(timeouts.httpOptions())
                .retryOptions(timeouts.tableRetries());
        return (url ? b.endpoint(setting.replace(".blob.", ".table.")).credential(new DefaultAzureCredentialBuilder().build())
                : b.connectionString(setting)).buildClient();
    }

    public QueueServiceClient queues() {
        QueueServiceClientBuilder b = new QueueServiceClientBuilder().clientOptions(timeouts.httpOptions())
                .retryOptions(timeouts.storageRetries());
        return (url ? b.endpoint(setting.replace(".blob.", ".queue.")).credential(new DefaultAzureCredentialBuilder().build())
                : b.connectionString(setting)).buildClient();
    }
}
