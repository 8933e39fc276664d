package io.m365vault.service;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.LeaseStateType;
import io.m365vault.repo.Repository;
import io.m365vault.repo.TableKeys;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.specialized.BlobLeaseClient;
import com.azure.storage.blob.specialized.BlobLeaseClientBuilder;
import io.m365vault.backup.ProtectedItem;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A blob lease that lets one worker at a time back up a protected item. Leases live in their own
 * container ({@link #CONTAINER}), not in the repository's, because the repository's container may
 * be under an immutability policy. A lease lasts {@link #SECONDS} and is renewed while held, so a
 * worker that dies frees the item within a minute; a worker that loses it (a stall longer than
 * that, a broken lease) learns so at its next commit through {@link #check} and stops.
 */
public final class ItemLease implements AutoCloseable {
    public static final String CONTAINER = "vault-leases";
    public static final int SECONDS = 60;
    private static final Logger LOG = LoggerFactory.getLogger(ItemLease.class);

    private final BlobLeaseClient lease;
    private final ScheduledExecutorService renewer;
    private final String name;

    private ItemLease(BlobLeaseClient lease, String name) {
        this.lease = lease;
        this.name = name;
        this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lease-" + name);
            t.setDaemon(true);
            return t;
        });
        renewer.scheduleAtFixedRate(this::renew, SECONDS / 3, SECONDS / 3, TimeUnit.SECONDS);
    }

    /**
     * The lease on {@code item} in repository {@code repo} for run {@code runId}, or empty when
     * another worker holds it. The holder's run is written on the lease blob, so a worker that
     * finds it held can say whose it is.
     */
    public static Optional<ItemLease> tryAcquire(BlobContainerClient leases, Repository repo, ProtectedItem item, String runId) {
        return tryAcquire(leases, blobName(repo, item), runId);
    }

    /**
     * The repository's maintenance lease (one prune at a time: two would each condemn and delete
     * on what the other changed), or empty when another process holds it.
     */
    public static Optional<ItemLease> tryAcquireMaintenance(BlobContainerClient leases, Repository repo, String holder) {
        return tryAcquire(leases, "leases/" + repo.name() + "/maintenance", holder);
    }

    /**
     * The lease on restore job {@code jobId}, held by the worker running it, or empty when a live
     * worker holds it; one whose worker died expires within {@link #SECONDS}, so a redelivered
     * message takes the job over.
     */
    public static Optional<ItemLease> tryAcquireRestore(BlobContainerClient leases, Repository repo, String jobId) {
        return tryAcquire(leases, restoreBlob(repo, jobId), jobId);
    }

    /** Whether a worker holds restore job {@code jobId}'s lease now: a running job without one has lost its worker. */
    public static boolean restoreHeld(BlobContainerClient leases, Repository repo, String jobId) {
        try {
            return leases.getBlobClient(restoreBlob(repo, jobId)).getProperties().getLeaseState() == LeaseStateType.LEASED;
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    static String restoreBlob(Repository repo, String jobId) {
        return "leases/" + repo.name() + "/restore-" + jobId;
    }

    private static Optional<ItemLease> tryAcquire(BlobContainerClient leases, String name, String runId) {
        BlobClient blob = leases.getBlobClient(name);
        if (!blob.exists()) {
            try {
                blob.upload(BinaryData.fromBytes(new byte[0]), false);
            } catch (BlobStorageException e) {
                if (e.getStatusCode() != 409 && e.getStatusCode() != 412) {
                    throw e;
                }
            }
        }
        BlobLeaseClient lease = new BlobLeaseClientBuilder().blobClient(blob).buildClient();
        try {
            String id = lease.acquireLease(SECONDS);
            // The holder's run is the blob's content, written under the lease (so it is the holder's).
            blob.uploadWithResponse(new BlobParallelUploadOptions(BinaryData.fromString(runId))
                    .setRequestConditions(new BlobRequestConditions().setLeaseId(id)), null, null);
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 409) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(new ItemLease(lease, name));
    }

    /** The run whose worker holds the item's lease now, if a worker does. */
    public static Optional<String> holder(BlobContainerClient leases, Repository repo, ProtectedItem item) {
        try {
            BlobClient blob = leases.getBlobClient(blobName(repo, item));
            if (blob.getProperties().getLeaseState() != LeaseStateType.LEASED) {
                return Optional.empty();
            }
            String run = blob.downloadContent().toString();
            return Optional.of(run.isEmpty() ? "unknown" : run);
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Named by the keyed HMAC of the item: a user's GUID is not readable in a blob name. */
    static String blobName(Repository repo, ProtectedItem item) {
        return "leases/" + repo.name() + "/" + TableKeys.hidden(repo.keys(), "lease\n" + item);
    }

    /**
     * Renews the lease now, so that what follows is done while it is certainly held; the backup
     * runs this before each commit.
     *
     * @throws IllegalStateException when the lease is no longer this worker's (broken, or expired
     *     and taken by another) or cannot be renewed: another worker may be backing up the item
     */
    public void check() {
        try {
            lease.renewLease();
        } catch (RuntimeException e) {
            String why = e instanceof BlobStorageException b ? b.getStatusCode() + " " + b.getErrorCode() : e.toString();
            throw new IllegalStateException("lost the lease on " + name + " (" + why + "): another worker may be backing up this item", e);
        }
    }

    /** The lease container, created when missing (infra does not create it). */
    public static BlobContainerClient container(io.m365vault.repo.StorageAccount account) {
        BlobContainerClient c = account.blobs().getBlobContainerClient(CONTAINER);
        c.createIfNotExists();
        return c;
    }

    /** The periodic renewal: a failure is only logged here, the next commit's {@link #check} stops the backup. */
    private void renew() {
        try {
            check();
        } catch (IllegalStateException e) {
            LOG.warn("lease renewal failed lease={}: {}", name, e.getMessage());
        }
    }

    @Override
    public void close() {
        renewer.shutdownNow();
        try {
            lease.releaseLease();
        } catch (RuntimeException e) {
            LOG.warn("lease release failed lease={} (it expires by itself within {} s): {}", name, SECONDS, e.toString());
        }
    }
}
