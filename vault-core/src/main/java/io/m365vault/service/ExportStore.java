package io.m365vault.service;

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobListDetails;
import com.azure.storage.blob.models.ListBlobsOptions;
import io.m365vault.repo.StorageAccount;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exports container. Each export is a zip with a window (VAULT_EXPORT_DAYS) that starts when
 * its upload starts and whose end is kept in the blob's metadata and by the caller: links never
 * reach past that end, and {@link #sweep} deletes the zips whose window has ended. That a deleted
 * zip is gone, with no version or soft-deleted copy left, is the account's part (see
 * {@link VaultSettings#exports()} and infra/modules/exportstorage.bicep).
 */
public final class ExportStore {
    private static final Logger LOG = LoggerFactory.getLogger(ExportStore.class);
    public static final String CONTAINER = "exports";
    /** A link is valid this long from the call that made it, and never past the export's window. */
    public static final Duration LINK_LIFETIME = Duration.ofHours(1);
    /** When the sweep runs (NCRONTAB, UTC): hourly, so a zip outlives its window by under an hour. */
    public static final String SWEEP_SCHEDULE = "0 17 * * * *";
    /** Metadata naming the end of a zip's window (names are case-insensitive, Azure answers them lower case). */
    static final String EXPIRES = "expires";

    /** An uploaded export: its size and the end of its window. */
    public record Stored(long bytes, Instant expires) { }

    /** A read-only link and when it stops working. */
    public record Link(String url, Instant expires) { }

    private final BlobContainerClient container;
    private final Duration window;
    private final Clock clock;

    public ExportStore(BlobContainerClient container, Duration window, Clock clock) {
        this.container = container;
        this.window = window;
        this.clock = clock;
    }

    /** The exports container of this account, created when missing (infra creates it in Azure). */
    public static ExportStore open(StorageAccount account, Duration window, Clock clock) {
        BlobContainerClient c = account.blobs().getBlobContainerClient(CONTAINER);
        c.createIfNotExists();
        return new ExportStore(c, window, clock);
    }

    public Duration window() {
        return window;
    }

    /** Zips {@code dir} into blob {@code name}. The window is counted from before the upload, so it never ends after the lifecycle rule's. */
    Stored upload(String name, Path dir) throws IOException {
        Instant expires = clock.instant().plus(window);
        long bytes = ExportArchive.upload(dir, container.getBlobClient(name), Map.of(EXPIRES, expires.toString()));
        return new Stored(bytes, expires);
    }

    /** A link valid {@link #LINK_LIFETIME} from now but never past {@code expires}; empty once the window has ended. */
    Optional<Link> link(String name, Instant expires) {
        Instant now = clock.instant();
        if (!now.isBefore(expires)) {
            return Optional.empty();
        }
        Instant until = now.plus(LINK_LIFETIME).isBefore(expires) ? now.plus(LINK_LIFETIME) : expires;
        return Optional.of(new Link(DownloadLinks.link(container.getBlobClient(name), now, until), until));
    }

    /**
     * Deletes every zip whose window has ended: the end in its metadata, or for a zip without one
     * (written by hand or by an older version) its creation plus the window. Returns how many.
     */
    public int sweep() {
        Instant now = clock.instant();
        int deleted = 0;
        ListBlobsOptions options = new ListBlobsOptions().setDetails(new BlobListDetails().setRetrieveMetadata(true));
        for (BlobItem b : container.listBlobs(options, null)) {
            Instant expires = expiresOf(b);
            if (!now.isBefore(expires)) {
                BlobClient blob = container.getBlobClient(b.getName());
                if (blob.deleteIfExists()) {
                    deleted++;
                    LOG.info("export deleted blob={}/{} expired={}", CONTAINER, b.getName(), expires);
                }
            }
        }
        LOG.info("export sweep done deleted={}", deleted);
        return deleted;
    }

    private Instant expiresOf(BlobItem b) {
        String end = b.getMetadata() == null ? null : b.getMetadata().get(EXPIRES);
        if (end != null) {
            try {
                return Instant.parse(end);
            } catch (DateTimeParseException e) {
                LOG.warn("export blob={}/{} has a malformed {} '{}': window counted from its creation", CONTAINER, b.getName(), EXPIRES, end);
            }
        }
        return b.getProperties().getCreationTime().toInstant().plus(window);
    }
}
