package dev.tally.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tally.support.FullStackTest;
import dev.tally.support.TestStack;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;

/** Messages no worker can process are kept on the dead-letter queue with the reason; the worker goes on. */
class DeadLetterIT extends FullStackTest {

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    RabbitAdmin admin;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void emptyDeadLetterQueue() {
        admin.purgeQueue(TestStack.DEAD_LETTER_QUEUE, false);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\u0000\u00ffgarbage | not JSON",
                "{}                  | no job_id",
                "{\"job_id\": 42}    | no job_id",
                "{\"job_id\": \"6b0a3fb7e08e95152fdf5445\"} | unknown job 6b0a3fb7e08e95152fdf5445"
            })
    void poisonMessagesLandInTheDeadLetterQueueWithTheirReason(String poison, String reason) {
        double deadLettersBefore = deadLetters();
        double failuresBefore = failures();
        byte[] body = poison.getBytes(StandardCharsets.UTF_8);
        rabbit.send("", TestStack.QUEUE, new Message(body, new MessageProperties()));

        Message dead = rabbit.receive(TestStack.DEAD_LETTER_QUEUE, 15_000);
        assertThat(dead).as("dead letter for " + poison).isNotNull();
        assertThat(dead.getBody()).isEqualTo(body);
        MessageProperties headers = dead.getMessageProperties();
        assertThat(headers.getReceivedDeliveryMode()).isEqualTo(MessageDeliveryMode.PERSISTENT);
        assertThat((String) headers.getHeader("tally-dead-letter-reason")).contains(reason);
        assertThat((String) headers.getHeader("tally-dead-letter-exception"))
                .isEqualTo("dev.tally.job.PoisonMessageException");
        assertThat((String) headers.getHeader("tally-dead-letter-route")).isEqualTo("worker-count-words");
        assertThat((String) headers.getHeader("tally-dead-letter-failed-at")).isNotBlank();
        assertThat((String) headers.getHeader("tally-dead-letter-first-failed-at"))
                .isNotBlank();
        assertThat((String) headers.getHeader("tally-dead-letter-id")).isNotBlank();
        assertThat(headers.getHeaders().get("tally-dead-letter-attempts").toString())
                .isEqualTo("1");

        // a dead letter, but no job FAILed: there is none, or (unknown job) none that exists
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(deadLetters()).isEqualTo(deadLettersBefore + 1));
        assertThat(failures()).isEqualTo(failuresBefore);

        // the worker keeps working after a poison message
        String jobId = submit(documents.url("/after-poison.txt"));
        assertThat(awaitFinished(jobId, Duration.ofSeconds(20)).path("status").asText())
                .isEqualTo("COMPLETE");
    }

    private double deadLetters() {
        return meters.get("tally.dead.letters").counter().count();
    }

    private double failures() {
        return meters.find("tally.jobs.failed").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }
}
