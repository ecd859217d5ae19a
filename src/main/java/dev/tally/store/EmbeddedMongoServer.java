package dev.tally.store;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB wire-protocol server (mongo-java-server) on an H2 file, so {@code make run} keeps jobs across
 * restarts without a MongoDB install. Inside Tally it listens on loopback only; {@link StoreServer} runs it alone.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    static final int DEFAULT_CACHE_MEGABYTES = 1;

    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongoServer(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    static EmbeddedMongoServer none() {
        return new EmbeddedMongoServer(null, null);
    }

    static EmbeddedMongoServer start(String dataDir, int port) {
        return start(dataDir, "127.0.0.1", port, DEFAULT_CACHE_MEGABYTES);
    }

    static EmbeddedMongoServer start(String dataDir, String host, int port, int cacheMegabytes) {
        Path file = dataFile(dataDir);
        MongoServer server = new MongoServer(new IdLookupH2Backend(openStore(file, cacheMegabytes)));
        try {
            server.bind(host, port);
        } catch (Exception e) {
            // netty's threads would keep the process alive, neither listening nor exiting
            server.shutdownNow();
            // netty rethrows BindException undeclared, so javac refuses a catch clause of its own
            boolean taken = e instanceof BindException; // NOPMD AvoidInstanceofChecksInCatchClause: see above
            throw new IllegalStateException(
                    "the MongoDB wire server cannot listen on " + host + ":" + port
                            + (taken ? ": the port is taken" : ""),
                    e);
        }
        InetSocketAddress address = server.getLocalAddress();
        LOG.info("Embedded MongoDB wire server on {} storing in {}", address, file);
        return new EmbeddedMongoServer(server, address);
    }

    /**
     * A page cache of 1 MB. The size of pages follows from it: without a cache H2 never splits a page by size, so a
     * leaf held up to 48 documents (48 GridFS chunks of 255 KB, 48 jobs with their top words), and reading one
     * decoded all of them: 6.4 ms of store CPU per GET, 3.8 ms per finished job, once 15,000 jobs were stored. With
     * 1 MB, pages split at 4 KB of heap: 0.5 ms per GET, 2.4 ms per job (bench/limits.md). It stays small because H2
     * undercounts what a cached page holds: a 4 MB cache once kept 250 MB of word counts alive
     * (dev.tally.store.H2RetentionScratch), and a 16 MB one filled this store's heap during a drain.
     */
    private static MVStore openStore(Path file, int cacheMegabytes) {
        return new MVStore.Builder()
                .fileName(file.toString())
                .cacheSize(cacheMegabytes)
                .open();
    }

    private static Path dataFile(String dataDir) {
        try {
            return Files.createDirectories(Path.of(dataDir))
                    .resolve("tally-mongo.mv")
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the embedded MongoDB data directory " + dataDir, e);
        }
    }

    String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
        }
    }
}
