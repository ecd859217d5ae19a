package dev.tally.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.tally.support.FreePort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The index set, read back with listIndexes (mongo-java-server lists the non-unique indexes it is given, though it
 * does not use them for queries), and its creation while MongoDB is not there yet.
 */
class JobIndexesTest {

    private final int port = FreePort.find();
    private MongoServer server;
    private MongoClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.shutdownNow();
        }
    }

    @Test
    void createsAnIndexForEveryQueryAndGridFsOwnTwiceWithoutChange() {
        startServer();
        MongoDatabase database = client().getDatabase("indexes");

        JobIndexes.createAll(database);
        List<Document> first = indexes(database);
        JobIndexes.createAll(database);

        assertThat(indexes(database)).as("idempotent").isEqualTo(first);
        assertThat(first)
                .containsExactlyInAnyOrder(
                        index("jobs", "_id_", new Document("_id", 1), false),
                        index(
                                "jobs",
                                "status_1_created_at_-1__id_-1",
                                new Document("status", 1)
                                        .append("created_at", -1)
                                        .append("_id", -1),
                                false),
                        index("jobs", "created_at_-1__id_-1", new Document("created_at", -1).append("_id", -1), false),
                        index("word_counts.files", "_id_", new Document("_id", 1), false),
                        index(
                                "word_counts.files",
                                "metadata.job_created_at_1",
                                new Document("metadata.job_created_at", 1),
                                false),
                        index(
                                "word_counts.files",
                                "filename_1_uploadDate_1",
                                new Document("filename", 1).append("uploadDate", 1),
                                false),
                        index("word_counts.chunks", "_id_", new Document("_id", 1), false),
                        index(
                                "word_counts.chunks",
                                "files_id_1_n_1",
                                new Document("files_id", 1).append("n", 1),
                                true));
    }

    @Test
    void startsWithoutMongoDbAndCreatesTheIndexesOnceItAnswers() throws Exception {
        JobIndexes indexes = new JobIndexes(client().getDatabase("late"), 100);
        try {
            long start = System.nanoTime();
            indexes.start();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
            Thread.sleep(600); // several failed attempts
            assertThat(indexes.created()).isNotDone();

            startServer();

            indexes.created().get(10, TimeUnit.SECONDS);
            assertThat(indexes(client.getDatabase("late")))
                    .extracting(index -> index.getString("name"))
                    .contains("status_1_created_at_-1__id_-1", "metadata.job_created_at_1", "files_id_1_n_1");
        } finally {
            indexes.close();
        }
    }

    private void startServer() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", port);
    }

    private MongoClient client() {
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(200, TimeUnit.MILLISECONDS))
                .build());
        return client;
    }

    /** Every index of the three collections as {collection, name, key, unique}. */
    private static List<Document> indexes(MongoDatabase database) {
        List<Document> all = new ArrayList<>();
        for (String collection : List.of("jobs", "word_counts.files", "word_counts.chunks")) {
            for (Document index : database.getCollection(collection).listIndexes()) {
                all.add(index(
                        collection,
                        index.getString("name"),
                        index.get("key", Document.class),
                        index.getBoolean("unique", false)));
            }
        }
        return all;
    }

    private static Document index(String collection, String name, Document key, boolean unique) {
        return new Document("collection", collection)
                .append("name", name)
                .append("key", key)
                .append("unique", unique);
    }
}
