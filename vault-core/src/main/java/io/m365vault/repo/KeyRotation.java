package io.m365vault.repo;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import java.util.Arrays;

/**
 * One re-wrap of a repository's data keys under its KEK as the KEK is now (a Key Vault key's
 * newest version, a fresh salt and today's Argon2 cost, a fresh nonce): the key blob is replaced
 * in place, and chunks, packs and tables are untouched because the data keys do not change.
 *
 * @param keysId the data keys' id (their blob is {@code keys/<id>})
 * @param before what had wrapped them ({@link Kek#wrappedBy})
 * @param after what wraps them now
 */
public record KeyRotation(String keysId, String before, String after) {
    static KeyRotation rewrap(BlobClient blob, BoundedBlob.Content current, Kek kek) {
        RepoKeys keys = RepoKeys.unwrap(current.bytes(), kek);
        byte[] next = keys.wrap(kek);
        // The blob is the only copy of the data keys: what replaces it must open first (a new
        // Key Vault version that may wrap but not unwrap would otherwise strand the backups).
        RepoKeys.unwrap(next, kek);
        try {
            blob.uploadWithResponse(new BlobParallelUploadOptions(BinaryData.fromBytes(next))
                    .setRequestConditions(new BlobRequestConditions().setIfMatch(current.etag())), null, Context.NONE);
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 412) {
                throw new RepositoryException("the key blob " + blob.getBlobName()
                        + " changed while it was being re-wrapped (another rotation?); nothing was written: run it again");
            }
            throw e;
        }
        BoundedBlob.Content back = BoundedBlob.read(blob, KeyBlobFields.MAX_BLOB, "the " + blob.getBlobName() + " blob");
        if (back == null || !Arrays.equals(back.bytes(), next)) {
            throw new RepositoryException("the key blob " + blob.getBlobName() + " does not read back as written");
        }
        return new KeyRotation(keys.id(), RepoKeys.wrappedBy(current.bytes(), kek), RepoKeys.wrappedBy(next, kek));
    }
}
