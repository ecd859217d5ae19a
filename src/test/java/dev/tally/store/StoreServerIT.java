package dev.tally.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import dev.tally.support.FreePort;
import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The {@code store} process from the packaged jar: a MongoDB wire server that keeps what it acknowledged
 * across a SIGTERM and a restart on the same H2 file (what make cluster and the MongoDB fault test rely on).
 */
class StoreServerIT {

    @Test
    void keepsAcknowledgedWritesAcrossARestartOnTheSameFile() throws Exception {
        Path dataDir = Files.createTempDirectory("tally-store");
        int port = FreePort.find();
        String uri = "mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=5000";

        Process first = startStore(dataDir, port);
        try (MongoClient client = MongoClients.create(uri)) {
            awaitListening(client);
            jobs(client).insertOne(new Document("_id", "job-1").append("status", "COMPLETE"));
        } finally {
            stop(first);
        }
        assertThat(first.exitValue()).as("SIGTERM is a clean stop").isIn(0, 143);

        Process second = startStore(dataDir, port);
        try (MongoClient client = MongoClients.create(uri)) {
            awaitListening(client);
            Document job = jobs(client).find(new Document("_id", "job-1")).first();
            assertThat(job).isNotNull();
            assertThat(job.getString("status")).isEqualTo("COMPLETE");
        } finally {
            stop(second);
        }
    }

    @Test
    void exitsNamingThePortWhenItIsTaken() throws Exception {
        Path dataDir = Files.createTempDirectory("tally-store");
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Process store = startStore(dataDir, taken.getLocalPort());
            // before the fix, netty's threads kept it running without a listener: cluster/up waited 240 s
            assertThat(store.waitFor(60, TimeUnit.SECONDS))
                    .as("exits instead of hanging")
                    .isTrue();
            assertThat(store.exitValue()).isEqualTo(1);
            assertThat(Files.readString(dataDir.resolve("store.log")))
                    .contains("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": the port is taken");
        }
    }

    private static MongoCollection<Document> jobs(MongoClient client) {
        return client.getDatabase("tally_store_it").getCollection("jobs");
    }

    private static void awaitListening(MongoClient client) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> client.getDatabase("admin").runCommand(new Document("ping", 1)) != null);
    }

    private static Process startStore(Path dataDir, int port) throws Exception {
        Path jar = Path.of("target", "tally.jar");
        assertThat(jar).as("run after mvn package").exists();
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                        "-cp",
                        jar.toString(),
                        "-Dloader.main=" + StoreServer.class.getName(),
                        "org.springframework.boot.loader.launch.PropertiesLauncher"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dataDir.resolve("store.log").toFile()));
        builder.environment().put("TALLY_STORE_DATA_DIR", dataDir.toString());
        builder.environment().put("TALLY_STORE_PORT", String.valueOf(port));
        return builder.start();
    }

    private static void stop(Process store) throws InterruptedException {
        store.destroy();
        if (!store.waitFor(20, TimeUnit.SECONDS)) {
            store.destroyForcibly().waitFor();
        }
    }
}
