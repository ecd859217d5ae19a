package dev.tally.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.tally.TallyApplication;
import dev.tally.support.ApiClient;
import dev.tally.support.ApiClient.Answer;
import dev.tally.support.TcpProxy;
import dev.tally.support.TestStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Group commit through the public API, against the real RabbitMQ and the MongoDB wire server, each through a proxy
 * this test can cut (only this context's connections go away): POSTs gathered behind a held batch are committed together, and when RabbitMQ or MongoDB goes away in
 * the middle of a batch exactly that batch's POSTs answer 503, none of its jobs is left IN_PROGRESS, and the
 * POSTs of the batch before it keep their 202 and their message. Web role only: the messages stay on the queue to
 * be read.
 */
@CamelSpringBootTest
@SpringBootTest(classes = TallyApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GroupCommitIT {

    private static final String QUEUE_SUFFIX = ".group-commit";
    private static final int GATHERED = 5;
    private static final TcpProxy BROKER = new TcpProxy(TestStack.RABBIT_HOST, TestStack.RABBIT_PORT);
    private static final TcpProxy STORE = new TcpProxy("127.0.0.1", TestStack.mongoPort());
    private static volatile BatchGate gate = new BatchGate();
    private static boolean advised;

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camel;

    @Autowired
    SubmissionBatches submissions;

    ApiClient api;

    @DynamicPropertySource
    static void oneCommitterBehindACuttableBroker(DynamicPropertyRegistry registry) {
        BROKER.open();
        STORE.open();
        TestStack.register(registry, QUEUE_SUFFIX);
        registry.add("spring.rabbitmq.port", BROKER::port);
        registry.add("tally.mongodb.uri", () -> "mongodb://127.0.0.1:" + STORE.port());
        registry.add("tally.roles", () -> "web");
        registry.add("tally.group-commit.committers", () -> 1);
        registry.add("tally.group-commit.max-jobs", () -> 8);
        registry.add("tally.group-commit.max-wait-micros", () -> 300_000);
        // AdviceWith restarts the route it changes; the supervising controller would start it asynchronously
        registry.add("camel.routecontroller.enabled", () -> false);
    }

    @AfterAll
    static void closeProxies() {
        BROKER.close();
        STORE.close();
    }

    @BeforeEach
    void plantTheGate() throws Exception {
        api = new ApiClient(port);
        gate = new BatchGate();
        BROKER.open();
        STORE.open();
        queuedJobIds(); // what an earlier test queued
        if (!advised) {
            AdviceWith.adviceWith(camel, "commit-submissions", route -> {
                route.weaveAddFirst().process(exchange -> gate.enter(exchange));
                route.weaveByToUri(".*operation=insert").after().process(exchange -> gate.afterInsert(exchange));
            });
            advised = true;
        }
    }

    @Test
    void postsThatWaitedMeanwhileAreOneBatch() throws Exception {
        Batches posts = heldThenGathered("together");

        posts.awaitAnswers();

        assertThat(posts.held().join().status()).isEqualTo(202);
        assertThat(posts.gathered())
                .allSatisfy(post -> assertThat(post.join().status()).isEqualTo(202));
        assertThat(gate.batches).hasSize(2);
        assertThat(gate.batches.get(1)).containsExactlyInAnyOrderElementsOf(posts.gatheredUrls());
        assertThat(statuses(posts.gatheredUrls())).containsOnly("IN_PROGRESS").hasSize(GATHERED);
        assertThat(queuedJobIds()).containsExactlyInAnyOrderElementsOf(jobIds(posts.allUrls()));
    }

    @Test
    void brokerGoneMidBatchAnswers503ToExactlyThatBatchAndFailsItsJobs() throws Exception {
        Batches posts = heldThenGathered("broker-cut", () -> gate.afterInsertOfNextBatch(BROKER::close));

        posts.awaitAnswers();

        assertOnlyTheGatheredBatchAnswered503Naming("RabbitMQ", posts);
        assertThat(statuses(posts.gatheredUrls())).containsOnly("FAIL").hasSize(GATHERED);
        assertThat(statuses(List.of(posts.heldUrl()))).containsExactly("IN_PROGRESS");
        assertThat(queuedJobIds()).containsExactlyElementsOf(jobIds(List.of(posts.heldUrl())));

        BROKER.open();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.submit(url("after-broker-cut")).status() == 202);
    }

    @Test
    void storeGoneMidBatchAnswers503ToExactlyThatBatchAndQueuesNoneOfIt() throws Exception {
        Batches posts = heldThenGathered("store-gone", () -> gate.beforeInsertOfNextBatch(STORE::close));
        try {
            posts.awaitAnswers();
        } finally {
            STORE.open();
        }

        assertOnlyTheGatheredBatchAnswered503Naming("MongoDB", posts);
        assertThat(statuses(posts.gatheredUrls()))
                .as("none of the batch was stored")
                .isEmpty();
        assertThat(statuses(List.of(posts.heldUrl()))).containsExactly("IN_PROGRESS");
        assertThat(queuedJobIds()).containsExactlyElementsOf(jobIds(List.of(posts.heldUrl())));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.submit(url("after-store-gone")).status() == 202);
    }

    /** The held POST got 202; every POST of the batch gathered behind it, and only those, got 503 naming the service. */
    private static void assertOnlyTheGatheredBatchAnswered503Naming(String service, Batches posts) {
        assertThat(posts.held().join().status()).isEqualTo(202);
        assertThat(posts.gathered()).allSatisfy(post -> {
            assertThat(post.join().status()).isEqualTo(503);
            assertThat(post.join().message()).contains(service);
        });
        assertThat(gate.batches.get(1)).containsExactlyInAnyOrderElementsOf(posts.gatheredUrls());
    }

    /** One POST whose batch is held, then {@link #GATHERED} POSTs that wait behind it; then the fault is armed. */
    private Batches heldThenGathered(String name, Runnable... faults) throws InterruptedException {
        gate.holdNextBatch();
        String heldUrl = url(name + "-held");
        CompletableFuture<Answer> held = CompletableFuture.supplyAsync(() -> api.submit(heldUrl));
        gate.awaitHolding();
        List<String> gatheredUrls = new ArrayList<>();
        List<CompletableFuture<Answer>> gathered = new ArrayList<>();
        for (int i = 0; i < GATHERED; i++) {
            String url = url(name + "-" + i);
            gatheredUrls.add(url);
            gathered.add(CompletableFuture.supplyAsync(() -> api.submit(url)));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> submissions.waiting() == GATHERED);
        for (Runnable fault : faults) {
            fault.run();
        }
        gate.release();
        return new Batches(heldUrl, held, gatheredUrls, gathered);
    }

    private record Batches(
            String heldUrl,
            CompletableFuture<Answer> held,
            List<String> gatheredUrls,
            List<CompletableFuture<Answer>> gathered) {

        void awaitAnswers() {
            CompletableFuture.allOf(gathered.toArray(CompletableFuture[]::new)).join();
            held.join();
        }

        List<String> allUrls() {
            List<String> all = new ArrayList<>(gatheredUrls);
            all.add(heldUrl);
            return all;
        }
    }

    private String url(String name) {
        return TestStack.documents().url("/group-commit-" + name + "-" + System.nanoTime() + ".txt");
    }

    /** Read straight from the wire server, not through the proxy this test cuts. */
    private static List<Document> jobs(List<String> urls) {
        try (MongoClient direct = MongoClients.create("mongodb://127.0.0.1:" + TestStack.mongoPort())) {
            return direct.getDatabase(TestStack.DATABASE)
                    .getCollection("jobs")
                    .find(new Document("url", new Document("$in", urls)))
                    .into(new ArrayList<>());
        }
    }

    private static List<String> statuses(List<String> urls) {
        return jobs(urls).stream().map(job -> job.getString("status")).toList();
    }

    private static Set<String> jobIds(List<String> urls) {
        Set<String> ids = new HashSet<>();
        jobs(urls).forEach(job -> ids.add(job.getObjectId("_id").toHexString()));
        return ids;
    }

    /** Takes every message off this test's queue, straight from RabbitMQ, and returns their job ids. */
    private static List<String> queuedJobIds() throws Exception {
        CachingConnectionFactory direct = new CachingConnectionFactory(TestStack.RABBIT_HOST, TestStack.RABBIT_PORT);
        try {
            RabbitTemplate rabbit = new RabbitTemplate(direct);
            List<String> ids = new ArrayList<>();
            ObjectMapper json = new ObjectMapper();
            for (Message message = rabbit.receive(TestStack.QUEUE + QUEUE_SUFFIX, 200);
                    message != null;
                    message = rabbit.receive(TestStack.QUEUE + QUEUE_SUFFIX, 200)) {
                ids.add(json.readTree(message.getBody()).path("job_id").asText());
            }
            return ids;
        } finally {
            direct.destroy();
        }
    }
}
