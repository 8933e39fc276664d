package io.m365vault.testkit;

import io.m365vault.testkit.strict.BlobRules;
import io.m365vault.testkit.strict.QueueRules;
import io.m365vault.testkit.strict.StrictProxy;
import io.m365vault.testkit.strict.TableRules;

/**
 * Azurite behind the strict layer: one {@link StrictProxy} per service, each refusing what
 * Azure Storage documents it refuses. Its connection string names the proxies, so every client
 * (this JVM's or a spawned process's) goes through them.
 */
public final class StrictAzurite implements AutoCloseable {
    private final AzuriteProcess azurite;
    private final StrictProxy blob;
    private final StrictProxy queue;
    private final StrictProxy table;

    private StrictAzurite(AzuriteProcess azurite) {
        this.azurite = azurite;
        this.blob = StrictProxy.start(azurite.blobPort(), new BlobRules());
        this.queue = StrictProxy.start(azurite.queuePort(), new QueueRules());
        this.table = StrictProxy.start(azurite.tablePort(), new TableRules());
    }

    public static StrictAzurite start() {
        AzuriteProcess azurite = AzuriteProcess.start();
        try {
            return new StrictAzurite(azurite);
        } catch (RuntimeException e) {
            azurite.close();
            throw e;
        }
    }

    /** Through the strict layer. */
    public String connectionString() {
        return AzuriteProcess.connectionString(blob.port(), queue.port(), table.port());
    }

    /** The Azurite behind the proxies (tests of the layer put proxies of their own in front of it). */
    public AzuriteProcess azurite() {
        return azurite;
    }

    @Override
    public void close() {
        blob.close();
        queue.close();
        table.close();
        azurite.close();
    }
}
