package io.m365vault.repo;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
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

    @Override
    public void delete(String packId) {
        blob(packId).deleteIfExists();
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
