package io.m365vault.repo;

import java.util.List;

/** A finished pack: its id (SHA-256 of its bytes, hex), the bytes to upload, and its entries. */
public record Pack(String id, byte[] bytes, List<PackEntry> entries) {
    /** Blob name under the repository container: packs/&lt;first 2 hex&gt;/&lt;id&gt;. */
    public static String blobName(String packId) {
        return "packs/" + packId.substring(0, 2) + "/" + packId;
    }
}
