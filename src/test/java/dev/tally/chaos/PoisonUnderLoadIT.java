package dev.tally.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.support.FullStackTest;
import dev.tally.support.TestStack;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Fault 4: messages no worker can read are published straight onto the jobs queue in the middle of a load.
 * Each lands on the dead-letter queue with its reason (seen through the operator API), and every good job
 * still ends right.
 */
class PoisonUnderLoadIT extends FullStackTest {

    private static final int JOBS = 300;
    private static final int POISONS = 30;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    RabbitAdmin admin;

    @Test
    void poisonMessagesAreDeadLetteredWithTheirReasonAndTheWorkerKeepsWorking() throws Exception {
        admin.purgeQueue(TestStack.DEAD_LETTER_QUEUE, false);
        JobLedger ledger = new JobLedger();
        LoadDriver load = new LoadDriver(port, ledger, Duration.ofSeconds(5))
                .start(JOBS, 4, Duration.ofSeconds(10), LoadDriver.knownDocuments(documents, JOBS, 20));

        Instant firstPoison = Instant.now();
        Map<String, String> reasonByMarker = new LinkedHashMap<>();
        for (int n = 0; n < POISONS; n++) {
            Thread.sleep(250);
            plant(n, reasonByMarker);
        }
        Instant lastPoison = Instant.now();
        load.awaitDone(Duration.ofSeconds(60));
        JobLedger.Verdict verdict = ledger.settle(api, Duration.ofSeconds(90));

        ChaosFigures.record(
                "poison messages",
                verdict,
                load,
                Duration.between(firstPoison, lastPoison),
                verdict.recoveryAfter(lastPoison));
        assertThat(load.unexpected()).isEmpty();
        assertThat(load.hung()).isZero();
        assertThat(load.refusals()).isEmpty();
        assertThat(verdict.wrong()).isEmpty();
        assertThat(verdict.lost()).isZero();
        assertThat(verdict.accepted()).isEqualTo(JOBS);
        assertThat(verdict.failed()).isEqualTo(JOBS / 20);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.admin("GET", "/admin/dead-letters")
                                .data()
                                .path("count")
                                .asInt()
                        >= POISONS);
        JsonNode listed = api.admin("GET", "/admin/dead-letters?limit=1000").data();
        assertThat(listed.path("count").asInt())
                .as("only the poison messages were dead-lettered")
                .isEqualTo(POISONS);
        reasonByMarker.forEach((marker, reason) -> {
            JsonNode letter = find(listed.path("dead_letters"), marker);
            assertThat(letter).as("dead letter carrying %s", marker).isNotNull();
            assertThat(letter.path("reason").asText()).contains(reason);
            assertThat(letter.path("exception").asText()).isEqualTo("dev.tally.job.PoisonMessageException");
            assertThat(letter.path("route").asText()).isEqualTo("worker-count-words");
            assertThat(letter.path("id").asText()).isNotBlank();
            assertThat(letter.path("last_failed_at").asText()).isNotBlank();
        });
    }

    /** Three kinds in turn: bytes that are not JSON, JSON without a job id, a job id no job has. */
    private void plant(int n, Map<String, String> reasonByMarker) {
        String marker = "[poison-" + n + "]";
        byte[] body;
        switch (n % 3) {
            case 0 -> {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                bytes.writeBytes(new byte[] {0, (byte) 0xff, (byte) 0xfe, 0x7f});
                bytes.writeBytes(marker.getBytes(StandardCharsets.US_ASCII));
                body = bytes.toByteArray();
                reasonByMarker.put(marker, "not JSON");
            }
            case 1 -> {
                body = ("{\"marker\": \"" + marker + "\"}").getBytes(StandardCharsets.UTF_8);
                reasonByMarker.put(marker, "no job_id");
            }
            default -> {
                String unknown = new ObjectId().toHexString();
                marker = unknown;
                body = ("{\"job_id\": \"" + unknown + "\"}").getBytes(StandardCharsets.UTF_8);
                reasonByMarker.put(marker, "unknown job " + unknown);
            }
        }
        rabbit.send("", TestStack.QUEUE, new Message(body, new MessageProperties()));
    }

    private static JsonNode find(JsonNode letters, String marker) {
        List<JsonNode> matches = new ArrayList<>();
        letters.forEach(letter -> {
            if (letter.path("body").asText().contains(marker)) {
                matches.add(letter);
            }
        });
        return matches.size() == 1 ? matches.get(0) : null;
    }
}
