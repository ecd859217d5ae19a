package dev.tally.support;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What the full-stack tests talk to, over TCP: the real RabbitMQ on 127.0.0.1:5672, a MongoDB wire server
 * on a random port, and a local document server. Queue and database names are unique per JVM run so two
 * runs on one broker never see each other's messages.
 */
public final class TestStack {

    public static final String RUN_ID = UUID.randomUUID().toString().substring(0, 8);
    public static final String QUEUE = "tally.jobs.test-" + RUN_ID;
    public static final String DEAD_LETTER_QUEUE = "tally.jobs.dlq.test-" + RUN_ID;
    public static final String DATABASE = "tally_test_" + RUN_ID;
    public static final String RABBIT_HOST = "127.0.0.1";
    public static final int RABBIT_PORT = 5672;
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-" + RUN_ID;

    static final java.util.Set<String> QUEUES = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static MongoServer mongo;
    private static int mongoPort;
    private static DocumentServer documents;

    private TestStack() {}

    public static void register(DynamicPropertyRegistry registry) {
        register(registry, "");
    }

    /**
     * A context whose worker must not compete with the shared one's (cached contexts keep consuming) takes its
     * own queues through {@code queueSuffix}.
     */
    public static synchronized void register(DynamicPropertyRegistry registry, String queueSuffix) {
        start();
        QUEUES.add(QUEUE + queueSuffix);
        QUEUES.add(DEAD_LETTER_QUEUE + queueSuffix);
        registry.add("spring.rabbitmq.host", () -> RABBIT_HOST);
        registry.add("spring.rabbitmq.port", () -> RABBIT_PORT);
        // a context of other settings (@TestPropertySource) takes queues of its own with tally.test.queue-suffix
        registry.add("tally.queue", () -> QUEUE + queueSuffix + "${tally.test.queue-suffix:}");
        registry.add("tally.dead-letter-queue", () -> DEAD_LETTER_QUEUE + queueSuffix + "${tally.test.queue-suffix:}");
        registry.add("tally.mongodb.uri", () -> "mongodb://127.0.0.1:" + mongoPort);
        registry.add("tally.mongodb.database", () -> DATABASE);
        registry.add("tally.admin.password", () -> ADMIN_PASSWORD);
        registry.add("tally.fetch.allow-private-networks", () -> true);
        registry.add("tally.redelivery.initial-delay-ms", () -> 100);
        registry.add("tally.redelivery.max-delay-ms", () -> 400);
        registry.add("tally.fetch.max-bytes", () -> DocumentServer.SIZE_CAP);
        // documents past a quarter of the cap are read ahead, so the cap's failure is met on the reading thread
        registry.add("tally.worker.read-ahead-after-chars", () -> DocumentServer.SIZE_CAP / 4);
    }

    /**
     * For a context that sets tally.test.queue-suffix: a worker there would otherwise compete for the shared
     * context's jobs, whose tests count what their own worker ran. Its queues go at exit too.
     */
    public static synchronized String ownQueues(String suffix) {
        QUEUES.add(QUEUE + suffix);
        QUEUES.add(DEAD_LETTER_QUEUE + suffix);
        return suffix;
    }

    /** The same settings as environment variables, for Tally started as a separate process (the packaged jar). */
    public static synchronized Map<String, String> childProcessSettings(String queueSuffix) {
        start();
        QUEUES.add(QUEUE + queueSuffix);
        QUEUES.add(DEAD_LETTER_QUEUE + queueSuffix);
        Map<String, String> env = new HashMap<>();
        env.put("SPRING_RABBITMQ_HOST", RABBIT_HOST);
        env.put("SPRING_RABBITMQ_PORT", String.valueOf(RABBIT_PORT));
        env.put("TALLY_QUEUE", QUEUE + queueSuffix);
        env.put("TALLY_DEAD_LETTER_QUEUE", DEAD_LETTER_QUEUE + queueSuffix);
        env.put("TALLY_MONGODB_URI", "mongodb://127.0.0.1:" + mongoPort);
        env.put("TALLY_MONGODB_DATABASE", DATABASE);
        env.put("TALLY_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("TALLY_FETCH_ALLOW_PRIVATE_NETWORKS", "true");
        return env;
    }

    public static synchronized void start() {
        if (documents != null) {
            return;
        }
        requireRabbitMq();
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        mongoPort = mongo.getLocalAddress().getPort();
        documents = DocumentServer.start();
        Runtime.getRuntime().addShutdownHook(new Thread(QueueCleanup::deleteTestQueues));
    }

    public static DocumentServer documents() {
        start();
        return documents;
    }

    /** The MongoDB wire server's port on 127.0.0.1, for a test that reaches it through a {@link TcpProxy}. */
    public static synchronized int mongoPort() {
        start();
        return mongoPort;
    }

    /** Stops the MongoDB wire server, as an outage; {@link #startMongo()} brings it back on the same port. */
    public static synchronized void stopMongo() {
        mongo.shutdownNow();
    }

    public static synchronized void startMongo() {
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", mongoPort);
    }

    private static void requireRabbitMq() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(RABBIT_HOST, RABBIT_PORT), 2000);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "The integration tests need RabbitMQ on " + RABBIT_HOST + ":" + RABBIT_PORT
                            + " (guest/guest); start it with 'rabbitmq-server -detached'. Cause: " + e,
                    e);
        }
    }
}
