package io.m365vault.repo;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import java.io.ByteArrayOutputStream;
import java.util.List;

/** Packs as block blobs packs/&lt;2 hex&gt;/&lt;id&gt; in the repository's container. */
public final class BlobPackStore implements PackStore {
    private final BlobContainerClient container;

    public BlobPackStore(BlobContainerClient container) {
        this.container = container;
    }

    @Override
    public void put(Pack pack) {
        // Content-addressed: overwriting a pack of the same id writes the same bytes.
        blob(pack.id()).upload(BinaryData.fromBytes(pack.bytes()), true);
    }

    @Override
    public byte[] read(String packId, long offset, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        try {
            blob(packId).downloadStreamWithResponse(out, new BlobRange(offset, (long) length),
                    null, null, false, null, Context.NONE);
        } catch (BlobStorageException e) {
            throw translate(packId, e);
        }
        if (out.size() != length) {
            throw new CorruptPackException(packId, "ends before byte " + (offset + length) + " (truncated)");
        }
        return out.toByteArray();
    }

    @Override
    public byte[] readAll(String packId) {
        try {
            return blob(packId).downloadContent().toBytes();
        } catch (BlobStorageException e) {
            throw translate(packId, e);
        }
    }

    @Override
    public long size(String packId) {
        try {
            return blob(packId).getProperties().getBlobSize();
        } catch (BlobStorageException e) {
            throw translate(packId, e);
        }
    }

    @Override
    public List<String> list() {
        return container.listBlobs(new ListBlobsOptions().setPrefix("packs/"), null).stream()
                .map(BlobItem::getName)
                .map(name -> name.substring(name.lastIndexOf('/') + 1))
                .toList();
    }

    @Override
    public List<StoredPack> stored() {
        return container.listBlobs(new ListBlobsOptions().setPrefix("packs/"), null).stream()
                .map(b -> new StoredPack(b.getName().substring(b.getName().lastIndexOf('/') + 1),
                        b.getProperties().getContentLength(), b.getProperties().getLastModified().toInstant(),
                        b.getProperties().getAccessTier() == null ? null : b.getProperties().getAccessTier().toString()))
                .toList();
    }

    /**
     * Under version-level immutability a deleted pack would stay as a protected previous version,
     * still billed, until its policy runs out: one that is still protected is left (and named)
     * instead, and a later prune deletes it once the policy allows.
     */
    @Override
    public void delete(String packId) {
        BlobClient blob = blob(packId);
        BlobProperties p;
        try {
            p = blob.getProperties();
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 404) {
                return;
            }
            throw e;
        }
        if (Boolean.TRUE.equals(p.hasLegalHold())) {
            throw new PackImmutableException(packId, null);
        }
        if (p.getImmutabilityPolicy() != null && p.getImmutabilityPolicy().getExpiryTime() != null
                && p.getImmutabilityPolicy().getExpiryTime().toInstant().isAfter(java.time.Instant.now())) {
            throw new PackImmutableException(packId, p.getImmutabilityPolicy().getExpiryTime().toInstant());
        }
        blob.deleteIfExists();
    }

    /** From the newest pack's policy: its expiry less its creation. */
    @Override
    public java.util.Optional<java.time.Duration> immutability() {
        java.util.Optional<StoredPack> newest = stored().stream().filter(s -> s.lastModified() != null)
                .max(java.util.Comparator.comparing(StoredPack::lastModified));
        if (newest.isEmpty()) {
            return java.util.Optional.empty();
        }
        BlobProperties p = blob(newest.get().id()).getProperties();
        if (p.getImmutabilityPolicy() == null || p.getImmutabilityPolicy().getExpiryTime() == null || p.getCreationTime() == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(java.time.Duration.between(p.getCreationTime(), p.getImmutabilityPolicy().getExpiryTime()));
    }

    private BlobClient blob(String packId) {
        return container.getBlobClient(Pack.blobName(packId));
    }

    private static RuntimeException translate(String packId, BlobStorageException e) {
        if (e.getStatusCode() == 404) {
            return new MissingPackException(packId);
        }
        if (e.getStatusCode() == 416) {
            return new CorruptPackException(packId, "is shorter than the index says (truncated)");
        }
        return e;
    }
}
