package io.m365vault.repo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the index against the packs' own headers, that every catalog reference names indexed
 * chunks, and with {@code readData} decrypts every indexed chunk and checks its id, and reads
 * every chunk-list chunk the catalog names to check that the chunks it lists are indexed too
 * (so that they were among those decrypted).
 */
public final class Verifier {
    private final Repository repo;

    public Verifier(Repository repo) {
        this.repo = repo;
    }

    public VerifyReport verify(boolean readData) {
        return verify(readData ? pack -> true : null);
    }

    /**
     * As {@link #verify(boolean)}, decrypting only the chunks of the packs {@code readPack}
     * accepts (a rotating sample; null reads none), and reading the catalog's chunk lists whenever
     * any pack is read. The index is checked against every pack's header either way.
     */
    public VerifyReport verify(java.util.function.Predicate<String> readPack) {
        VerifyReport report = new VerifyReport();
        Map<String, List<ChunkLocation>> byPack = new HashMap<>();
        Set<ChunkId> indexed = new HashSet<>();
        repo.index().forEach(loc -> {
            byPack.computeIfAbsent(loc.packId(), k -> new ArrayList<>()).add(loc);
            indexed.add(loc.entry().id());
        });
        report.countIndexRows(indexed.size());
        PackReader reader = repo.packReader();
        Set<String> stored = new HashSet<>(repo.packs().list());
        for (String packId : stored) {
            checkPack(reader, packId, byPack.getOrDefault(packId, List.of()), readPack != null && readPack.test(packId), report);
        }
        byPack.keySet().stream().filter(p -> !stored.contains(p)).sorted().forEach(p ->
                report.error("pack " + p + " is missing; the index names " + byPack.get(p).size() + " chunks in it"));
        checkCatalog(indexed, readPack != null, report);
        return report;
    }

    private void checkPack(PackReader reader, String packId, List<ChunkLocation> rows, boolean readData, VerifyReport report) {
        report.countPack();
        List<PackEntry> entries;
        try {
            entries = reader.entries(packId);
        } catch (RepositoryException e) {
            report.error(e.getMessage());
            return;
        }
        Map<ChunkId, PackEntry> header = new HashMap<>();
        entries.forEach(e -> header.put(e.id(), e));
        for (ChunkLocation row : rows) {
            if (!row.entry().equals(header.get(row.entry().id()))) {
                report.error("chunk " + row.entry().id() + ": index row does not match the header of pack " + packId);
            }
        }
        report.countUnindexed(entries.size() - rows.size());
        if (!readData || rows.isEmpty()) {
            return;
        }
        RepoKeys keys = repo.keys();
        List<PackEntry> indexedEntries = rows.stream().map(ChunkLocation::entry).toList();
        try {
            reader.forEachChunk(packId, indexedEntries, new PackReader.ChunkVisitor() {
                @Override
                public void chunk(PackEntry entry, byte[] plain) {
                    report.countChunksRead(1);
                    if (!keys.chunkId(plain, 0, plain.length).equals(entry.id())) {
                        report.corrupt(entry.id(), "chunk " + entry.id() + " in pack " + packId + " decrypts to content of another id");
                    }
                }

                @Override
                public void corrupt(PackEntry entry, CorruptChunkException e) {
                    report.countChunksRead(1);
                    report.corrupt(entry.id(), e.getMessage());
                }
            });
        } catch (RepositoryException e) {
            report.error(e.getMessage());
        }
    }

    private void checkCatalog(Set<ChunkId> indexed, boolean readData, VerifyReport report) {
        Set<ChunkId> listsRead = new HashSet<>();
        ContentReader reader = repo.reader();
        repo.catalog().forEachContent((content, metadata) -> {
            report.countCatalogRef();
            for (ContentRef ref : metadata == null ? List.of(content) : List.of(content, metadata)) {
                for (ChunkId id : ref.ids()) {
                    if (!indexed.contains(id)) {
                        report.error("chunk " + id + " named by the catalog is not in the index");
                    } else if (readData && ref.kind() == ContentRef.Kind.LISTED && listsRead.add(id)) {
                        checkList(reader, id, indexed, report);
                    }
                }
            }
        }, report::error);
    }

    /** The chunks one chunk-list chunk names must be indexed; their decryption is checked with their packs. */
    private static void checkList(ContentReader reader, ChunkId listId, Set<ChunkId> indexed, VerifyReport report) {
        List<ChunkId> ids;
        try {
            ids = ChunkList.ids(listId, reader.chunk(listId));
        } catch (RepositoryException e) {
            report.error("the chunks listed by chunk-list chunk " + listId + " cannot be checked: " + e.getMessage());
            return;
        }
        report.countListedChunks(ids.size());
        for (ChunkId id : ids) {
            if (!indexed.contains(id)) {
                report.error("chunk " + id + " named by chunk-list chunk " + listId + " is not in the index");
            }
        }
    }
}
