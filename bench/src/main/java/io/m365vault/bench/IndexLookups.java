package io.m365vault.bench;

import com.azure.core.http.rest.Response;
import com.azure.data.tables.TableAsyncClient;
import com.azure.data.tables.TableClient;
import com.azure.data.tables.models.ListEntitiesOptions;
import com.azure.data.tables.models.TableEntity;
import com.azure.data.tables.models.TableServiceException;
import io.m365vault.repo.ChunkId;
import io.m365vault.repo.Parallel;
import io.m365vault.repo.TableChunkIndex;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The ways of asking the chunks table which of a batch of ids it has, side by side for
 * ChunkIndexBench. Each returns the ids it found.
 */
final class IndexLookups {
    private static final List<String> COLUMNS = List.of("RowKey", "pack", "off", "len", "raw", "flags", "state");

    private IndexLookups() {
    }

    /** The design that was replaced: per partition, RowKey eq a or RowKey eq b ... (n ids a query). */
    static Function<Collection<ChunkId>, Set<ChunkId>> orFilter(TableClient table, Parallel io, int idsPerQuery) {
        return ids -> {
            Set<ChunkId> found = ConcurrentHashMap.newKeySet();
            Map<String, List<ChunkId>> byPartition = new TreeMap<>();
            for (ChunkId id : ids) {
                byPartition.computeIfAbsent(id.hex().substring(0, 1), k -> new ArrayList<>()).add(id);
            }
            List<Runnable> queries = new ArrayList<>();
            for (Map.Entry<String, List<ChunkId>> group : byPartition.entrySet()) {
                List<ChunkId> g = group.getValue();
                for (int i = 0; i < g.size(); i += idsPerQuery) {
                    List<ChunkId> slice = g.subList(i, Math.min(g.size(), i + idsPerQuery));
                    String filter = "PartitionKey eq '" + group.getKey() + "' and ("
                            + slice.stream().map(id -> "RowKey eq '" + id.hex() + "'").collect(Collectors.joining(" or ")) + ")";
                    queries.add(() -> table.listEntities(new ListEntitiesOptions().setFilter(filter).setSelect(COLUMNS), null, null)
                            .forEach(e -> found.add(ChunkId.parse(e.getRowKey()))));
                }
            }
            io.runAll(queries);
            return found;
        };
    }

    /** What TableChunkIndex does now: one PartitionKey eq and RowKey eq query per id, in parallel. */
    static Function<Collection<ChunkId>, Set<ChunkId>> pointQuery(TableChunkIndex index) {
        return ids -> index.find(ids).keySet();
    }

    /**
     * A point read per id through the async client, 16 in flight: the async client does not log
     * a 404 (the sync one logs each as an error).
     */
    static Function<Collection<ChunkId>, Set<ChunkId>> pointReadAsync(TableAsyncClient table) {
        return ids -> Flux.fromIterable(ids)
                .flatMap(id -> table.getEntityWithResponse(id.hex().substring(0, 1), id.hex(), COLUMNS)
                        .map(r -> Optional.of(ChunkId.parse(r.getValue().getRowKey())))
                        .onErrorResume(e -> e instanceof TableServiceException t && t.getResponse().getStatusCode() == 404,
                                e -> Mono.just(Optional.empty())), 16)
                .filter(Optional::isPresent)
                .map(Optional::get)
                .collect(Collectors.toSet())
                .block();
    }

    /** A true point read (GET table(PartitionKey,RowKey)) per id, in parallel; a missing id is a 404. */
    static Function<Collection<ChunkId>, Set<ChunkId>> pointRead(TableClient table, Parallel io) {
        return ids -> {
            Set<ChunkId> found = ConcurrentHashMap.newKeySet();
            List<Runnable> reads = new ArrayList<>();
            for (ChunkId id : ids) {
                reads.add(() -> {
                    try {
                        Response<TableEntity> r = table.getEntityWithResponse(id.hex().substring(0, 1), id.hex(), COLUMNS, null, null);
                        found.add(ChunkId.parse(r.getValue().getRowKey()));
                    } catch (TableServiceException e) {
                        if (e.getResponse().getStatusCode() != 404) {
                            throw e;
                        }
                    }
                });
            }
            io.runAll(reads);
            return found;
        };
    }
}
