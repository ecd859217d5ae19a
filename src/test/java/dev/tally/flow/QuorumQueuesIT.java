package dev.tally.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import dev.tally.TallyApplication;
import dev.tally.support.ApiClient;
import dev.tally.support.DocumentServer;
import dev.tally.support.TestStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * TALLY_QUEUE_TYPE=quorum on the real RabbitMQ: both queues are quorum queues, a job posted through the API
 * completes, a poison message is dead-lettered by Tally, and one given back past the delivery limit by RabbitMQ.
 */
@CamelSpringBootTest
@SpringBootTest(classes = TallyApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class QuorumQueuesIT {

    private static final String SUFFIX = ".quorum";
    private static final String QUEUE = TestStack.QUEUE + SUFFIX;
    private static final String DEAD_LETTER_QUEUE = TestStack.DEAD_LETTER_QUEUE + SUFFIX;
    private static final int DELIVERY_LIMIT = 2;

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camel;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    RabbitAdmin admin;

    @Autowired
    @Qualifier("jobsAmqpQueue")
    Queue jobsQueue;

    @Autowired
    @Qualifier("deadLetterAmqpQueue")
    Queue deadLetterQueue;

    ApiClient api;
    DocumentServer documents;

    @DynamicPropertySource
    static void quorumQueues(DynamicPropertyRegistry registry) {
        TestStack.register(registry, SUFFIX);
        registry.add("tally.queue-type", () -> "quorum");
        registry.add("tally.queue-delivery-limit", () -> DELIVERY_LIMIT);
    }

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        documents = TestStack.documents();
        admin.purgeQueue(DEAD_LETTER_QUEUE, false);
    }

    /** RabbitMQ names the type it has when asked to declare the same queue as classic. */
    @Test
    void bothQueuesAreQuorumQueues() {
        for (Queue queue : new Queue[] {jobsQueue, deadLetterQueue}) {
            Map<String, Object> asClassic = new HashMap<>(queue.getArguments());
            asClassic.put("x-queue-type", "classic");
            assertThatThrownBy(() -> rabbit.execute(
                            channel -> channel.queueDeclare(queue.getName(), true, false, false, asClassic)))
                    .as(queue.getName())
                    .hasStackTraceContaining("PRECONDITION_FAILED - inequivalent arg 'x-queue-type'")
                    .hasStackTraceContaining("current is 'quorum'");
        }
        assertThat(jobsQueue.getName()).isEqualTo(QUEUE);
        assertThat(deadLetterQueue.getName()).isEqualTo(DEAD_LETTER_QUEUE);
    }

    @Test
    void aJobPostedThroughTheApiCompletes() {
        JsonNode job = api.awaitFinished(api.submitOk(documents.url("/plain.txt")), Duration.ofSeconds(20));
        assertThat(job.path("status").asText()).isEqualTo("COMPLETE");
        assertThat(job.path("total_words").asInt()).isEqualTo(10);
    }

    @Test
    void aPoisonMessageLandsOnTheQuorumDeadLetterQueue() {
        byte[] poison = "{}".getBytes(StandardCharsets.UTF_8);
        rabbit.send("", QUEUE, new Message(poison, new MessageProperties()));

        Message dead = rabbit.receive(DEAD_LETTER_QUEUE, 15_000);
        assertThat(dead).isNotNull();
        assertThat(dead.getBody()).isEqualTo(poison);
        assertThat((String) dead.getMessageProperties().getHeader("tally-dead-letter-reason"))
                .contains("no job_id");
    }

    /** As if each worker that took the message crashed: it comes back until RabbitMQ moves it to the dead letters. */
    @Test
    void aMessageGivenBackPastTheDeliveryLimitIsDeadLetteredByRabbitMq() throws Exception {
        camel.getRouteController().stopRoute("worker-count-words");
        try {
            byte[] body = "{\"job_id\": \"6b0a3fb7e08e95152fdf5445\"}".getBytes(StandardCharsets.UTF_8);
            rabbit.send("", QUEUE, new Message(body, new MessageProperties()));

            int deliveries = rabbit.execute(channel -> giveBackUntilGone(channel));
            assertThat(deliveries).isEqualTo(DELIVERY_LIMIT + 1);

            Message dead = rabbit.receive(DEAD_LETTER_QUEUE, 15_000);
            assertThat(dead).isNotNull();
            assertThat(dead.getBody()).isEqualTo(body);
            assertThat(dead.getMessageProperties().getHeaders())
                    .containsEntry("x-first-death-reason", "delivery_limit");
        } finally {
            camel.getRouteController().startRoute("worker-count-words");
        }
    }

    @Test
    void theOperatorSeesRabbitMqsReasonForADeadLetterItMoved() throws Exception {
        camel.getRouteController().stopRoute("worker-count-words");
        try {
            rabbit.send("", QUEUE, new Message("{}".getBytes(StandardCharsets.UTF_8), new MessageProperties()));
            rabbit.execute(channel -> giveBackUntilGone(channel));
            awaitDeadLetters(1);

            JsonNode letters = api.admin("GET", "/admin/dead-letters").data().path("dead_letters");
            assertThat(letters).hasSize(1);
            assertThat(letters.get(0).path("reason").asText()).isEqualTo("dead-lettered by RabbitMQ: delivery_limit");
        } finally {
            camel.getRouteController().startRoute("worker-count-words");
        }
    }

    private static int giveBackUntilGone(Channel channel) throws java.io.IOException, InterruptedException {
        int deliveries = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            GetResponse response = channel.basicGet(QUEUE, false);
            if (response == null) {
                if (deliveries > 0) {
                    return deliveries;
                }
                Thread.sleep(50);
                continue;
            }
            deliveries++;
            channel.basicNack(response.getEnvelope().getDeliveryTag(), false, true);
        }
        throw new AssertionError("still on " + QUEUE + " after " + deliveries + " deliveries");
    }

    private void awaitDeadLetters(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (admin.getQueueInfo(DEAD_LETTER_QUEUE).getMessageCount() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}
