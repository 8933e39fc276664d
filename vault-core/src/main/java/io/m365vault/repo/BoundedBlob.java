package io.m365vault.repo;

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.options.BlobInputStreamOptions;
import com.azure.storage.blob.specialized.BlobInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads a small blob whole (the config, a key blob) but never more than a bound: whoever can
 * write the container must not be able to make an open download gigabytes into memory.
 */
final class BoundedBlob {
    private BoundedBlob() {}

    /** The bytes and the ETag they were read at (a rewrite can be made conditional on it). */
    record Content(byte[] bytes, String etag) {}

    /**
     * @return the content, or null when there is no such blob
     * @throws RepositoryException when the blob holds more than {@code max} bytes
     */
    static Content read(BlobClient blob, int max, String what) {
        // One byte past the bound is asked for, so that a larger blob is told from a full one.
        BlobInputStreamOptions options = new BlobInputStreamOptions()
                .setRange(new BlobRange(0, max + 1L)).setBlockSize(max + 1);
        try (BlobInputStream in = blob.openInputStream(options)) {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                throw new RepositoryException(what + " is " + in.getProperties().getBlobSize()
                        + " bytes, more than it can hold (" + max + "; corrupt)");
            }
            return new Content(bytes, in.getProperties().getETag());
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 404) {
                return null;
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + what + ": " + e.getMessage(), e);
        }
    }
}
