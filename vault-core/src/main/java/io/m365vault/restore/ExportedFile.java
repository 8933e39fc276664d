package io.m365vault.restore;

import java.util.List;
import java.util.Map;

/**
 * One file an export wrote, as the manifest lists it: its path relative to the export directory
 * (always with '/'), what it holds, the ids of the items in it, its size and SHA-256, and for a
 * drive's file its Graph facts ({@code driveId}, {@code quickXorHash} of the bytes written).
 */
public record ExportedFile(String path, String kind, List<String> itemIds, long size, String sha256, Map<String, String> graph) {
    public ExportedFile {
        itemIds = List.copyOf(itemIds);
        graph = Map.copyOf(graph);
    }

    public ExportedFile(String path, String kind, List<String> itemIds, long size, String sha256) {
        this(path, kind, itemIds, size, sha256, Map.of());
    }
}
