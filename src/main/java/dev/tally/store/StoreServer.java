package dev.tally.store;

import ch.qos.logback.classic.Level;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code store} process: the MongoDB wire server on its H2 file, alone, so several web and worker JVMs
 * (make cluster, make chaos) share one database that can be stopped and restarted on its own.
 * It starts no Spring context: it is a database, not a Tally role. Run from the same jar with
 * {@code java -cp tally.jar -Dloader.main=dev.tally.store.StoreServer org.springframework.boot.loader.launch.PropertiesLauncher}
 * (see {@code make store}); settings come from the environment.
 */
public final class StoreServer {

    private StoreServer() {}

    public static void main(String[] args) throws InterruptedException {
        quietLogging();
        String dataDir = env("TALLY_STORE_DATA_DIR", "./data/store");
        String host = env("TALLY_STORE_HOST", "127.0.0.1");
        int port = Integer.parseInt(env("TALLY_STORE_PORT", "27017"));
        int cacheMegabytes = Integer.parseInt(
                env("TALLY_STORE_CACHE_MB", String.valueOf(EmbeddedMongoServer.DEFAULT_CACHE_MEGABYTES)));

        EmbeddedMongoServer server;
        try {
            server = EmbeddedMongoServer.start(dataDir, host, port, cacheMegabytes);
        } catch (RuntimeException e) {
            // exit, so whoever started the store sees it fail instead of waiting for a port that never opens
            LoggerFactory.getLogger(StoreServer.class).error("tally store not started: {}", e.getMessage(), e);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM closes the H2 file cleanly, so a restart on the same file sees every acknowledged write.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            stopped.countDown();
                        },
                        "store-shutdown"));
        System.out.println("tally store ready on " + server.connectionString());
        stopped.await();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Without Spring Boot nobody configures Logback, whose default is DEBUG for every Netty frame. */
    private static void quietLogging() {
        Logger root = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(Level.INFO);
        }
    }
}
