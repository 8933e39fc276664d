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
 * The storage account of VAULT_STORAGE: a connection string (Azurite, keys) or an account's blob
 * URL, reached with managed identity; table and queue endpoints follow from the blob one. Every
 * client it makes bounds each call by its {@link StorageTimeouts}.
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
        return of(setting, StorageTimeouts.DEFAULT);
    }

    public static StorageAccount of(String setting, StorageTimeouts timeouts) {
        if (setting == null || setting.isBlank()) {
            throw new IllegalArgumentException("VAULT_STORAGE is not set: give a connection string or an account URL");
        }
        String s = setting.trim();
        if (s.startsWith("https://") || s.startsWith("http://")) {
            URI u = URI.create(s);
            if (u.getHost() == null || !u.getHost().contains(".blob.")) {
                throw new IllegalArgumentException("VAULT_STORAGE must be the account's blob URL (https://<account>.blob.core.windows.net), not " + s);
            }
            return new StorageAccount(s, true, timeouts);
        }
        if (!s.contains("AccountName=") && !s.contains("UseDevelopmentStorage=true")) {
            throw new IllegalArgumentException("VAULT_STORAGE is neither a connection string (AccountName=...;AccountKey=...) nor an account URL");
        }
        return new StorageAccount(s, false, timeouts);
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
