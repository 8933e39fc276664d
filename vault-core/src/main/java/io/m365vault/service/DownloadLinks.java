package io.m365vault.service;

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.models.UserDelegationKey;
import com.azure.storage.blob.sas.BlobSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Read-only links to one blob that expire. With an account key (a connection string, Azurite)
 * the link is a service SAS; with a managed identity (no key in Azure, shared keys off) it is a
 * user delegation SAS, signed with a key the identity asks the service for.
 */
final class DownloadLinks {
    private DownloadLinks() {
    }

    static String link(BlobClient blob, Instant now, Instant expires) {
        OffsetDateTime until = expires.atOffset(ZoneOffset.UTC);
        BlobServiceSasSignatureValues values = new BlobServiceSasSignatureValues(until, new BlobSasPermission().setReadPermission(true))
                .setStartTime(now.minusSeconds(300).atOffset(ZoneOffset.UTC));
        String sas;
        try {
            sas = blob.generateSas(values);
        } catch (RuntimeException noSharedKey) {
            UserDelegationKey key = blob.getContainerClient().getServiceClient()
                    .getUserDelegationKey(now.minusSeconds(300).atOffset(ZoneOffset.UTC), until);
            sas = blob.generateUserDelegationSas(values, key);
        }
        return blob.getBlobUrl() + "?" + sas;
    }
}
