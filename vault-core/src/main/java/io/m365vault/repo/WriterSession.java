package io.m365vault.repo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One writer's work between commits: content is chunked, deduplicated against what this session
 * and the index know, compressed and sealed into packs. {@link #commit} makes it durable in the
 * order crash safety needs: pack blob, index rows, catalog rows, then checkpoints. A crash before
 * commit leaves at most packs nothing references yet; a re-run writes the same rows again.
 * A session that failed once (storage refused a pack, a row, a checkpoint) refuses all further
 * work: what it believed stored may not be, so a fresh session must take over.
 * Not thread-safe: one session per worker.
 */
public final class WriterSession implements AutoCloseable {
    /** Chunks are looked up and encoded a batch at a time: one index round trip per batch, overlapping the next batch. */
    private static final int BATCH_BYTES = 8 << 20;
    /** Plaintext handed to the sealing threads and not yet packed: lets chunking run ahead. */
    private static final long MAX_SEALING_BYTES = 32 << 20;
    /**
     * Checkpoints wait for a commit that is worth its round trips: a pack's worth of content,
     * many catalog rows, or half a minute. Committing every page made packs of a few KiB.
     */
    /**
     * When queued checkpoints commit: a pack's worth of content, this many catalog rows, or this
     * long since the last commit. {@code knowledge} bounds how long the session trusts what the
     * index told it (a chunk is stored and live): garbage collection deletes a chunk only after
     * it has been condemned for longer than its grace, which must exceed this (see
     * {@link #minimumGrace}), so a commit never names a chunk collected since the session learnt of it.
     */
    public record CommitLimits(long bytes, int rows, java.time.Duration every, java.time.Duration knowledge) {
        public static final java.time.Duration KNOWLEDGE = java.time.Duration.ofHours(6);
        public static final CommitLimits DEFAULT = new CommitLimits(16 << 20, 2000, java.time.Duration.ofSeconds(30), KNOWLEDGE);

        public CommitLimits(long bytes, int rows, java.time.Duration every) {
            this(bytes, rows, every, KNOWLEDGE);
        }

        /**
         * The shortest grace garbage collection may keep a condemned chunk for: twice what a session
         * trusts the index, so that a session's last answer from the index is older than the grace
         * by a margin as wide as the session's whole trust.
         */
        public java.time.Duration minimumGrace() {
            return knowledge.multipliedBy(2);
        }
    }

    private final RepoKeys keys;
    private final ChunkIndex index;
    private final PackStore packs;
    private final Catalog catalog;
    private final StateStore state;
    private final ExecutorService cpu;
    private final Runnable guard;
    private final CommitLimits limits;
    private final ChunkCodec codec;
    private final PackWriter writer;
    private final ExecutorService uploader;
    private final Set<ChunkId> known = new HashSet<>();
    /** When the index was asked the oldest thing {@link #known} holds (nanoTime), or -1 while it holds nothing. */
    private long knownSince = -1;
    private long lookupStarted;
    /** Catalog rows not yet committed, by row (partition, item, validFrom); a later row of the same key replaces it. */
    private final Map<String, CatalogEntry> pendingCatalog = new java.util.LinkedHashMap<>();
    /** The same rows by item (partition, item), for {@link #pending}. */
    private final Map<String, Map<java.time.Instant, CatalogEntry>> pendingByItem = new HashMap<>();
    private final Map<String, Checkpoint> pendingCheckpoints = new java.util.LinkedHashMap<>();
    private final Map<String, Checkpoint> pendingForgets = new java.util.LinkedHashMap<>();
    private RuntimeException failure;
    private long lastCommit = System.nanoTime();
    private final WriteStats stats = new WriteStats();
    private final Map<ChunkerParams, Chunker> chunkers = new HashMap<>();
    private Batch pending = new Batch();
    /** The batch whose index lookup is in flight while the next one fills, and that lookup. */
    private Batch looking;
    private Future<Map<ChunkId, ChunkLocation>> lookup;
    private final ExecutorService lookups;
    private final ArrayDeque<Future<SealedChunk>> sealing = new ArrayDeque<>();
    private long sealingBytes;
    private Future<?> upload;

    /** {@code guard} runs before each commit makes anything durable; it throws to stop the session. */
    WriterSession(RepoKeys keys, ChunkIndex index, PackStore packs, Catalog catalog, StateStore state,
                  ExecutorService cpu, int packSize, Runnable guard, CommitLimits limits) {
        this.limits = limits;
        this.keys = keys;
        this.index = index;
        this.packs = packs;
        this.catalog = catalog;
        this.state = state;
        this.cpu = cpu;
        this.guard = guard;
        this.codec = new ChunkCodec(keys);
        this.writer = new PackWriter(keys, packSize);
        this.uploader = daemon("vault-pack-upload");
        this.lookups = daemon("vault-index-lookup");
    }

    private static ExecutorService daemon(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** A session with no catalog or state: content into packs and an index only (benchmarks). */
    public static WriterSession local(RepoKeys keys, ChunkIndex index, PackStore packs, ExecutorService cpu, int packSize) {
        return new WriterSession(keys, index, packs, null, null, cpu, packSize, () -> { }, CommitLimits.DEFAULT);
    }

    public ContentRef store(byte[] data, ChunkerParams params) {
        try {
            return store(new ByteArrayInputStream(data), params);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stores the stream's bytes; the content is readable by others once {@link #commit} returns.
     * Chunk ids are computed here; the index lookups, sealing and packing happen a batch at a
     * time (or at commit), so many small items share one round trip to the index.
     */
    public ContentRef store(InputStream in, ChunkerParams params) throws IOException {
        usable();
        Chunker chunker = chunkers.computeIfAbsent(params, p -> new Chunker(p, keys.gearTable()));
        List<ChunkId> ids = new ArrayList<>();
        long[] size = {0};
        guarded(() -> {
            chunker.split(in, (buf, off, len) -> {
                ChunkId id = keys.chunkId(buf, off, len);
                // The chunker reuses its buffer: a chunk waiting to be sealed needs a copy of its own.
                byte[] plain = Arrays.copyOfRange(buf, off, off + len);
                ids.add(id);
                pending.add(id, plain);
                size[0] += len;
                if (pending.bytes >= BATCH_BYTES) {
                    lookUp();
                }
            });
            return null;
        });
        stats.bytesIn.addAndGet(size[0]);
        return ids.size() <= ContentRef.MAX_INLINE
                ? new ContentRef(size[0], ContentRef.Kind.DIRECT, ids)
                : new ContentRef(size[0], ContentRef.Kind.LISTED, guarded(() -> storeLists(ids)));
    }

    /** Storing that fails in storage (not in the caller's stream) breaks the session. */
    private <T> T guarded(IoCall<T> call) throws IOException {
        try {
            return call.run();
        } catch (RepositoryException | UncheckedIOException | com.azure.core.exception.AzureException e) {
            failure = e;
            throw e;
        }
    }

    @FunctionalInterface
    private interface IoCall<T> {
        T run() throws IOException;
    }

    /** Metadata beyond this goes into chunks of its own, which the row names: a row holds at most 1 MiB. */
    static final int INLINE_METADATA = 512 << 10;

    /** Queues a catalog row; it is written by the next commit, after the chunks it names. */
    public void record(CatalogEntry entry) {
        if (catalog == null) {
            throw new IllegalStateException("a local session has no catalog");
        }
        usable();
        if (entry.metadata().length > INLINE_METADATA && entry.metadataRef() == null && !entry.empty()) {
            entry = entry.withMetadataRef(store(entry.metadata(), ChunkerParams.SMALL));
        }
        pendingCatalog.put(entry.partition() + "\n" + entry.itemId() + "\n" + entry.validFrom().toEpochMilli(), entry);
        pendingByItem.computeIfAbsent(entry.partition() + "\n" + entry.itemId(), k -> new java.util.TreeMap<>(java.util.Comparator.reverseOrder()))
                .put(entry.validFrom(), entry);
    }

    /**
     * The rows of one item this session has queued and not yet committed, newest first; an
     * {@link CatalogEntry#empty() empty} one stands for a version this run opened and took back.
     */
    public List<CatalogEntry> pending(String partition, String itemId) {
        Map<java.time.Instant, CatalogEntry> rows = pendingByItem.get(partition + "\n" + itemId);
        return rows == null ? List.of() : List.copyOf(rows.values());
    }

    /**
     * Queues a checkpoint for the next commit (a later one of the same scope and key replaces
     * it), and commits when enough is pending. A crash before that commit loses the queued
     * checkpoints together with the rows they vouch for: the re-run redoes both.
     */
    public void checkpoint(Checkpoint c) {
        queue(c);
        if (commitDue()) {
            commit();
        }
    }

    /**
     * Queues a state row for the next commit without committing now: a record of something not
     * done (a failed item), which must be durable no later than the rows and checkpoints that go
     * past it, and must not make the rows written so far durable before the checkpoint that vouches for them.
     */
    public void queue(Checkpoint c) {
        if (state == null) {
            throw new IllegalStateException("a local session has no state table");
        }
        usable();
        pendingForgets.remove(c.scope() + "\n" + c.key());
        pendingCheckpoints.put(c.scope() + "\n" + c.key(), c);
    }

    /** Queues the deletion of a state row (a failed item that has now been backed up) for the next commit. */
    public void forget(String scope, String key) {
        usable();
        pendingCheckpoints.remove(scope + "\n" + key);
        pendingForgets.put(scope + "\n" + key, new Checkpoint(scope, key, Map.of()));
    }

    /** True when the next checkpoint will commit: enough content, rows or time is pending. */
    public boolean commitDue() {
        long pendingBytes = pending.bytes + (looking == null ? 0 : looking.bytes) + sealingBytes + writer.size();
        return pendingBytes >= limits.bytes() || pendingCatalog.size() >= limits.rows()
                || System.nanoTime() - lastCommit >= limits.every().toNanos();
    }

    /**
     * Makes everything so far durable, then writes the queued checkpoints and these.
     *
     * @throws CommitRefusedException when the session's guard refuses: nothing of this commit is written
     */
    public void commit(Checkpoint... checkpoints) {
        usable();
        try {
            guard.run();
        } catch (RuntimeException e) {
            failure = new CommitRefusedException(e);
            throw failure;
        }
        try {
            durable(checkpoints);
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        }
    }

    private void durable(Checkpoint... checkpoints) {
        lookUp();
        encodeLooked();
        while (!sealing.isEmpty()) {
            packNext();
        }
        if (!writer.isEmpty()) {
            flushPack();
        }
        awaitUpload();
        trusted();
        if (!pendingCatalog.isEmpty()) {
            catalog.put(List.copyOf(pendingCatalog.values()));
            pendingCatalog.clear();
            pendingByItem.clear();
        }
        for (Checkpoint c : checkpoints) {
            pendingCheckpoints.put(c.scope() + "\n" + c.key(), c);
        }
        if (!pendingCheckpoints.isEmpty() && state == null) {
            throw new IllegalStateException("a local session has no state table");
        }
        if (!pendingCheckpoints.isEmpty()) {
            state.putAll(List.copyOf(pendingCheckpoints.values()));
            pendingCheckpoints.clear();
        }
        for (Checkpoint gone : pendingForgets.values()) {
            state.delete(gone.scope(), gone.key());
        }
        pendingForgets.clear();
        lastCommit = System.nanoTime();
        if (knownSince >= 0 && lastCommit - knownSince > limits.knowledge().toNanos() / 2) {
            // Everything named so far is committed: what is stored is asked of the index afresh,
            // which also notices chunks condemned since.
            known.clear();
            knownSince = -1;
        }
    }

    /**
     * Refuses a commit whose rows may rely on an index answer older than the session may trust:
     * prune may have condemned and deleted such a chunk meanwhile. The work since the last commit
     * is redone by a new session, which asks the index again.
     */
    private void trusted() {
        long age = knownSince < 0 ? 0 : System.nanoTime() - knownSince;
        if (age > limits.knowledge().toNanos()) {
            throw new RepositoryException("this writer session relied on an index answer of " + java.time.Duration.ofNanos(age).toSeconds()
                    + " s ago, longer than the " + limits.knowledge().toSeconds() + " s it may (garbage collection may have deleted"
                    + " chunks since): its catalog rows and checkpoints were not written");
        }
    }

    private void usable() {
        if (failure != null) {
            throw new IllegalStateException("this writer session failed earlier (" + failure.getMessage()
                    + "); what it held may not be stored: start a new session", failure);
        }
    }

    public WriteStats stats() {
        return stats;
    }

    /** Ends the session; what was not committed is left for a re-run (packs become garbage). */
    @Override
    public void close() {
        uploader.shutdown();
        lookups.shutdownNow();
    }

    /**
     * Asks the index about the pending batch's chunks that this session does not know, on a thread
     * of its own, and goes on filling the next batch meanwhile: the round trip overlaps the
     * download and chunking of what follows. The batch looked up before is encoded first, so at
     * most one lookup is in flight and chunks are packed in the order they were stored.
     */
    private void lookUp() {
        encodeLooked();
        if (pending.ids.isEmpty()) {
            return;
        }
        Batch batch = pending;
        pending = new Batch();
        stats.chunks.addAndGet(batch.ids.size());
        Set<ChunkId> unknown = new HashSet<>();
        for (ChunkId id : batch.ids) {
            if (!known.contains(id)) {
                unknown.add(id);
            }
        }
        looking = batch;
        lookupStarted = System.nanoTime();
        lookup = unknown.isEmpty() ? CompletableFuture.completedFuture(Map.of()) : lookups.submit(() -> index.find(unknown));
    }

    /** Waits for the batch in flight, then hands its new chunks to the sealing threads. */
    private void encodeLooked() {
        if (looking == null) {
            return;
        }
        Batch batch = looking;
        Map<ChunkId, ChunkLocation> found = get(lookup);
        looking = null;
        lookup = null;
        for (Map.Entry<ChunkId, ChunkLocation> f : found.entrySet()) {
            // A condemned chunk may be deleted by prune at any time: store it again.
            if (!f.getValue().condemned()) {
                known.add(f.getKey());
            }
        }
        if (knownSince < 0) {
            knownSince = lookupStarted;
        }
        List<ChunkId> ids = batch.ids;
        for (int i = 0; i < ids.size(); i++) {
            ChunkId id = ids.get(i);
            // Known from here on: it will be in a pack before the commit that could name it.
            if (known.add(id)) {
                byte[] plain = batch.data.get(i);
                sealing.add(cpu.submit(() -> codec.encode(id, plain, 0, plain.length)));
                sealingBytes += plain.length;
                while (sealingBytes > MAX_SEALING_BYTES) {
                    packNext();
                }
            }
        }
    }

    /** Moves the oldest sealed chunk into the pack, keeping the order chunks were stored in. */
    private void packNext() {
        SealedChunk sealed = get(sealing.remove());
        sealingBytes -= sealed.rawLength();
        writer.add(sealed);
        if (writer.full()) {
            flushPack();
        }
    }

    /** Long id lists go into list chunks of their own; the reference names those. */
    private List<ChunkId> storeLists(List<ChunkId> ids) {
        List<ChunkId> lists = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += ContentRef.IDS_PER_LIST) {
            List<ChunkId> slice = ids.subList(i, Math.min(ids.size(), i + ContentRef.IDS_PER_LIST));
            byte[] list = new byte[slice.size() * ChunkId.LENGTH];
            for (int j = 0; j < slice.size(); j++) {
                slice.get(j).copyTo(list, j * ChunkId.LENGTH);
            }
            ChunkId id = keys.chunkId(list, 0, list.length);
            lists.add(id);
            pending.add(id, list);
        }
        if (lists.size() > ContentRef.MAX_INLINE) {
            throw new RepositoryException("content of " + ids.size() + " chunks is beyond the largest a reference can name");
        }
        return lists;
    }

    private void flushPack() {
        PackWriter.Unnamed sealed = writer.seal();
        awaitUpload();
        // Hashing 16 MiB to name the pack happens off the storing thread, with the upload.
        upload = uploader.submit(() -> {
            Pack pack = sealed.name();
            packs.put(pack);
            index.add(pack.id(), pack.entries());
            // Stored once its index rows are written, not before.
            stats.packs.incrementAndGet();
            for (PackEntry e : pack.entries()) {
                stats.newChunks.incrementAndGet();
                stats.newBytes.addAndGet(e.rawLength());
                stats.storedBytes.addAndGet(e.length());
            }
        });
    }

    private void awaitUpload() {
        if (upload != null) {
            get(upload);
            upload = null;
        }
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new RepositoryException("storing failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RepositoryException("interrupted while storing", e);
        }
    }

    /** Chunks waiting for one index lookup. */
    private static final class Batch {
        final List<ChunkId> ids = new ArrayList<>();
        final List<byte[]> data = new ArrayList<>();
        long bytes;

        void add(ChunkId id, byte[] plain) {
            ids.add(id);
            data.add(plain);
            bytes += plain.length;
        }
    }
}
