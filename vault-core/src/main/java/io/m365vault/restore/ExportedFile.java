package io.m365vault.restore;

import java.util.List;

/**
 * One file an export wrote, as the manifest lists it: its path relative to the export directory
 * (always with '/'), what it holds, the ids of the items in it, its size and SHA-256.
 */
public record ExportedFile(String path, String kind, List<String> itemIds, long size, String sha256) {
    public ExportedFile {
        itemIds = List.copyOf(itemIds);
    }
}
