package io.m365vault.bench;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;

/**
 * What a repository's container holds: the pack blobs (the chunks' bytes, the figure to set
 * against restic's data/) and every blob (packs plus config, keys and whatever else the engine
 * writes there). The chunk index, catalog and state live in Azure Tables and are not counted.
 */
record StoredBytes(long packs, long all, long blobs) {
    static StoredBytes of(BlobContainerClient container) {
        long packs = 0, all = 0, n = 0;
        for (BlobItem b : container.listBlobs()) {
            long size = b.getProperties().getContentLength();
            all += size;
            n++;
            if (b.getName().startsWith("packs/")) {
                packs += size;
            }
        }
        return new StoredBytes(packs, all, n);
    }
}
