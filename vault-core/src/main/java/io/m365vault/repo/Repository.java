package io.m365vault.repo;

import com.azure.core.util.BinaryData;
import com.azure.data.tables.TableClient;
import com.azure.data.tables.TableServiceClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobStorageException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * One repository: a blob container (config, keys/&lt;id&gt;, packs/) and three tables named after
 * it (chunks, catalog, state). {@link #init} creates one, {@link #open} opens one with its KEK.
 */
public final class Repository implements AutoCloseable {
    /** A container name that, hyphens dropped, also starts valid table names. */
    private static final Pattern NAME = Pattern.compile("[a-z](?:[a-z0-9]|-(?=[a-z0-9])){2,40}");
    /** The repository's name in a deployment: the container infra/ creates. */
    public static final String DEFAULT_NAME = "vault";
    private static final String CONFIG = "config";
    private static final int IO_THREADS = 16;

    private final String name;
    private final RepoConfig config;
    private final RepoKeys keys;
    private final PackStore packs;
    private final ChunkIndex index;
    private final Catalog catalog;
    private final StateStore state;
    private final Parallel io;
    private final ExecutorService cpu;
    private final WriterSession.CommitLimits limits;

    private Repository(String name, RepoConfig config, RepoKeys keys, BlobContainerClient container, TableServiceClient tables,
                       WriterSession.CommitLimits limits) {
        this(name, config, keys, new Parallel(IO_THREADS), io -> new BlobPackStore(container),
                io -> new TableChunkIndex(table(tables, name, "chunks"), io, keys),
                (io, chunks) -> new TableCatalog(table(tables, name, "catalog"), keys, io, chunks),
                new TableStateStore(table(tables, name, "state"), keys), limits);
    }

    private Repository(String name, RepoConfig config, RepoKeys keys, Parallel io, java.util.function.Function<Parallel, PackStore> packs,
                       java.util.function.Function<Parallel, ChunkIndex> index, java.util.function.BiFunction<Parallel, java.util.function.Function<ContentRef, byte[]>, Catalog> catalog,
                       StateStore state, WriterSession.CommitLimits limits) {
        this.name = name;
        this.limits = limits;
        this.config = config;
        this.keys = keys;
        this.io = io;
        AtomicInteger n = new AtomicInteger();
        this.cpu = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
            Thread t = new Thread(r, "vault-seal-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.packs = packs.apply(io);
        this.index = index.apply(io);
        this.catalog = catalog.apply(io, ref -> reader().readAll(ref));
        this.state = state;
    }

    /**
     * A new repository held in memory (packs, index, catalog, state), with fresh keys: the same
     * writer, readers and verifier as on storage, for fast tests of what runs on top of them.
     */
    public static Repository inMemory() {
        return inMemory(WriterSession.CommitLimits.DEFAULT);
    }

    /** As {@link #inMemory()}, its sessions committing at {@code limits} (tests that need a commit at every checkpoint). */
    public static Repository inMemory(WriterSession.CommitLimits limits) {
        RepoKeys keys = RepoKeys.generate();
        return inMemory(limits, p -> p, i -> i, c -> c, s -> s);
    }

    /**
     * As {@link #inMemory(WriterSession.CommitLimits)}, each store wrapped as given: tests put
     * fault-injecting wrappers (a crash after so many writes) around the in-memory stores.
     */
    public static Repository inMemory(WriterSession.CommitLimits limits, UnaryOperator<PackStore> packs, UnaryOperator<ChunkIndex> index,
                                      UnaryOperator<Catalog> catalog, UnaryOperator<StateStore> state) {
        RepoKeys keys = RepoKeys.generate();
        return new Repository("memory", RepoConfig.create(keys.id()), keys, new Parallel(4), io -> packs.apply(new MemoryPackStore()),
                io -> index.apply(new MemoryChunkIndex()), (io, chunks) -> catalog.apply(new MemoryCatalog()),
                state.apply(new MemoryStateStore()), limits);
    }

    /** Creates the repository; refuses when one is already there. */
    public static Repository init(StorageAccount account, String name, Kek kek) {
        BlobContainerClient container = container(account, name);
        container.createIfNotExists();
        if (container.getBlobClient(CONFIG).exists()) {
            throw new RepositoryException("a repository already exists in container " + name + "; refusing to overwrite it");
        }
        TableServiceClient tables = account.tables();
        for (String t : new String[] {"chunks", "catalog", "state"}) {
            tables.createTableIfNotExists(tableName(name, t));
        }
        RepoKeys keys = RepoKeys.generate();
        RepoConfig config = RepoConfig.create(keys.id());
        try {
            container.getBlobClient(keyBlob(config)).upload(BinaryData.fromBytes(keys.wrap(kek)), false);
            // The config is written last: its presence is what makes a repository.
            container.getBlobClient(CONFIG).upload(BinaryData.fromBytes(config.toJson()), false);
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 409) {
                throw new RepositoryException("a repository was created in container " + name + " at the same time; refusing to overwrite it");
            }
            throw e;
        }
        return new Repository(name, config, keys, container, tables, WriterSession.CommitLimits.DEFAULT);
    }

    /** Opens the repository with its KEK: a wrong key, a missing key blob or a corrupt config is one clear error. */
    public static Repository open(StorageAccount account, String name, Kek kek) {
        return open(account, name, kek, WriterSession.CommitLimits.DEFAULT);
    }

    /** As {@link #open(StorageAccount, String, Kek)}, its sessions committing at {@code limits}. */
    public static Repository open(StorageAccount account, String name, Kek kek, WriterSession.CommitLimits limits) {
        BlobContainerClient container = container(account, name);
        RepoConfig config = readConfig(container, name);
        RepoKeys keys = RepoKeys.unwrap(readKeyBlob(container, name, config).bytes(), kek);
        return new Repository(name, config, keys, container, account.tables(), limits);
    }

    /** Re-wraps the repository's data keys under the KEK's newest version (see {@link KeyRotation}). */
    public static KeyRotation rotateKeys(StorageAccount account, String name, Kek kek) {
        BlobContainerClient container = container(account, name);
        RepoConfig config = readConfig(container, name);
        return KeyRotation.rewrap(container.getBlobClient(keyBlob(config)), readKeyBlob(container, name, config), kek);
    }

    private static RepoConfig readConfig(BlobContainerClient container, String name) {
        return RepoConfig.fromJson(name, read(container, CONFIG, RepoConfig.MAX_BYTES,
                "no repository in container " + name + " (no config blob); create one with `vault init`").bytes());
    }

    private static BoundedBlob.Content readKeyBlob(BlobContainerClient container, String name, RepoConfig config) {
        return read(container, keyBlob(config), KeyBlobFields.MAX_BLOB,
                "the key blob " + keyBlob(config) + " named by the config of " + name + " is missing");
    }

    private static String keyBlob(RepoConfig config) {
        return "keys/" + config.keyId();
    }

    public WriterSession newSession() {
        return newSession(() -> { });
    }

    /** A session whose commits first run {@code guard}, which throws to refuse (see {@link CommitRefusedException}). */
    public WriterSession newSession(Runnable guard) {
        return new WriterSession(keys, index, packs, catalog, state, cpu, config.packSize(), guard, limits);
    }

    public ContentReader reader() {
        return new ContentReader(index, packReader());
    }

    public PackReader packReader() {
        return new PackReader(packs, keys);
    }

    /** What this repository's writer sessions commit at and how long they trust the index. */
    public WriterSession.CommitLimits limits() {
        return limits;
    }

    public String name() {
        return name;
    }

    public RepoConfig config() {
        return config;
    }

    public RepoKeys keys() {
        return keys;
    }

    public PackStore packs() {
        return packs;
    }

    public ChunkIndex index() {
        return index;
    }

    public Catalog catalog() {
        return catalog;
    }

    public StateStore state() {
        return state;
    }

    @Override
    public void close() {
        io.close();
        cpu.shutdownNow();
    }

    private static BlobContainerClient container(StorageAccount account, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("repository name '" + name
                    + "' must be 3-41 lowercase letters, digits or single hyphens, starting with a letter and ending with a letter or digit");
        }
        return account.blobs().getBlobContainerClient(name);
    }

    private static BoundedBlob.Content read(BlobContainerClient container, String blob, int max, String ifMissing) {
        BoundedBlob.Content c = BoundedBlob.read(container.getBlobClient(blob), max,
                "the " + blob + " blob of " + container.getBlobContainerName());
        if (c == null) {
            throw new RepositoryException(ifMissing);
        }
        return c;
    }

    static String tableName(String repo, String table) {
        return repo.replace("-", "") + table;
    }

    private static TableClient table(TableServiceClient tables, String repo, String table) {
        return tables.getTableClient(tableName(repo, table));
    }
}
