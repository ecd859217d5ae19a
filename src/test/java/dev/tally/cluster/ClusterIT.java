package dev.tally.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.tally.support.ApiClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * make cluster end to end: cluster/up starts the store, two web JVMs, one worker JVM from the packaged jar and
 * Debian's nginx in front, on free ports with this run's queues and database; the cluster examples of docs/deployment.md
 * then run, as written but for the ports, through nginx. cluster/down must leave none of those processes.
 */
class ClusterIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern JOB_ID = Pattern.compile("\"job_id\":\"([0-9a-f]{24})\"");
    /** The policy's name as cluster/common.sh gives it, in a shell command line. */
    private static final String LAZY_POLICY = "$(source cluster/common.sh && lazy_policy)";

    private static ClusterScripts cluster;
    private static Map<String, Long> pids;
    private static Thread stopAtExit;

    @BeforeAll
    static void startCluster() throws Exception {
        assertThat(Path.of("target", "tally.jar")).as("run after mvn package").exists();
        cluster = new ClusterScripts(2, 1);
        // whatever happens to this JVM short of SIGKILL, the cluster's processes go with it
        stopAtExit = new Thread(cluster::down, "cluster-down");
        Runtime.getRuntime().addShutdownHook(stopAtExit);
        ClusterScripts.Outcome up = cluster.up();
        pids = cluster.pids();
        assertThat(up.exitCode()).as("cluster/up:%n%s", up.output()).isZero();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster == null) {
            return;
        }
        ClusterScripts.Outcome down = cluster.down();
        Runtime.getRuntime().removeShutdownHook(stopAtExit);
        // the queues go at JVM exit with every test queue; their policy goes now
        cluster.shell("rabbitmqctl -q clear_policy \"" + LAZY_POLICY + "\"");
        assertThat(down.exitCode()).as("cluster/down:%n%s", down.output()).isZero();
        assertThat(cluster.pids()).as("pid files left by cluster/down").isEmpty();
        for (Map.Entry<String, Long> process : pids.entrySet()) {
            assertThat(running(process.getValue()))
                    .as("%s (pid %d) after cluster/down", process.getKey(), process.getValue())
                    .isFalse();
        }
    }

    /** Exists and is not a zombie (an exited process its new parent, pid 1, has not reaped yet). */
    private static boolean running(long pid) throws Exception {
        String fields;
        try {
            fields = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        } catch (java.nio.file.NoSuchFileException gone) {
            return false;
        }
        return fields.charAt(fields.lastIndexOf(')') + 2) != 'Z';
    }

    @Test
    void everyProcessIsUpAndHealthy() {
        assertThat(pids).containsOnlyKeys("store", "web-1", "web-2", "worker-1", "nginx");
        ClusterScripts.Outcome status = cluster.status();
        assertThat(status.exitCode()).as(status.output()).isZero();
        assertThat(status.output().lines().filter(line -> line.matches("^(store|web-\\d|worker-\\d|nginx) .* yes .*")))
                .hasSize(5);
    }

    @Test
    void theClassicQueuesAreLazySoThatADeepQueueStaysOnDisk() {
        String name = cluster.shell("echo \"" + LAZY_POLICY + "\"").output().strip();
        ClusterScripts.Outcome queues = cluster.shell("rabbitmqctl -q list_queues name policy"
                + " | grep -F -e \"$TALLY_CLUSTER_QUEUE\" -e \"$TALLY_CLUSTER_DEAD_LETTER_QUEUE\"");
        ClusterScripts.Outcome policy = cluster.shell("rabbitmqctl -q list_policies | grep -F \"" + name + "\"");

        assertThat(name).isNotBlank();
        assertThat(queues.output().lines())
                .hasSize(2)
                .allSatisfy(line -> assertThat(line).endsWith(name));
        assertThat(policy.output()).contains("\"queue-mode\":\"lazy\"");
    }

    @Test
    void theReadmeExamplesRunThroughNginx() throws Exception {
        List<String> examples =
                ReadmeExamples.curlCommands(Path.of("docs", "deployment.md"), "## Cluster and benchmark");
        assertThat(examples).as("POST, GET by path, GET with a body, health").hasSize(4);

        ClusterScripts.Outcome submitted = cluster.shell(localPorts(examples.get(0)));
        assertThat(submitted.output())
                .as(examples.get(0))
                .contains("HTTP/1.1 202")
                .containsIgnoringCase("Location: /word-count/");
        Matcher id = JOB_ID.matcher(submitted.output());
        assertThat(id.find()).as(submitted.output()).isTrue();
        String jobId = id.group(1);
        new ApiClient(cluster.nginxPort).awaitFinished(jobId, Duration.ofSeconds(60));
        assertCountedIntoGridFs(jobId);

        for (String example : examples.subList(1, 3)) {
            JsonNode job = json(cluster.shell(localPorts(example).replace("<id>", jobId)))
                    .path("data");
            assertThat(job.path("status").asText()).as(example).isEqualTo("COMPLETE");
            // sample.html: title and paragraph; the script and style are not text
            assertThat(job.path("word_count").path("the").asInt()).isEqualTo(4);
            assertThat(job.path("word_count").path("fox").asInt()).isEqualTo(2);
            assertThat(job.path("word_count").path("doesn't").asInt()).isEqualTo(1);
            assertThat(job.path("word_count").has("hidden")).isFalse();
            assertThat(job.path("total_words").asInt()).isEqualTo(16);
        }
        JsonNode health = json(cluster.shell(localPorts(examples.get(3))));
        assertThat(health.path("data").path("status").asText()).isEqualTo("PASS");
    }

    /** The job's counts are in GridFS, not its document: the embedded store closes under many inline ones. */
    private static void assertCountedIntoGridFs(String jobId) throws Exception {
        try (MongoClient store = MongoClients.create("mongodb://127.0.0.1:" + cluster.port("store"))) {
            Document job = store.getDatabase(cluster.database)
                    .getCollection("jobs")
                    .find(new Document("_id", new ObjectId(jobId)))
                    .first();
            assertThat(job).as("job %s in the store", jobId).isNotNull();
            assertThat(job).doesNotContainKey("word_count").containsKey("word_count_file");
        }
    }

    @Test
    void nginxSpreadsRequestsOverBothWebInstances() throws Exception {
        ApiClient api = new ApiClient(cluster.nginxPort);
        for (int i = 0; i < 20; i++) {
            assertThat(api.send("GET", "/health", null, null).status()).isEqualTo(200);
        }
        List<String> upstreams = Files.readAllLines(cluster.runDirectory.resolve("logs/nginx-access.log")).stream()
                .filter(line -> line.contains("GET /health "))
                .map(line -> line.replaceAll(".* upstream=(\\S+) .*", "$1"))
                .distinct()
                .toList();
        assertThat(upstreams).hasSize(2);
    }

    private static String localPorts(String example) {
        return example.replace("localhost:8088", "localhost:" + cluster.nginxPort)
                .replace("127.0.0.1:8089", "127.0.0.1:" + cluster.docsPort);
    }

    private static JsonNode json(ClusterScripts.Outcome outcome) throws Exception {
        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        return MAPPER.readTree(outcome.output());
    }
}
