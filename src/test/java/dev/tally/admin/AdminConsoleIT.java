package dev.tally.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.support.AdminRequests;
import dev.tally.support.FullStackTest;
import dev.tally.support.PlantedDeadLetters;
import dev.tally.support.TestStack;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;

/** The operator console's page behind basic auth with its Content-Security-Policy, and its numbers (/admin/overview). */
class AdminConsoleIT extends FullStackTest {

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    RabbitAdmin rabbitAdmin;

    @Autowired
    com.mongodb.client.MongoClient tallyMongo;

    AdminRequests requests;

    @BeforeEach
    @AfterEach
    void emptyDeadLetterQueue() {
        rabbitAdmin.purgeQueue(TestStack.DEAD_LETTER_QUEUE, false);
        requests = new AdminRequests(port);
    }

    @Test
    void thePageAsksForTheAdminCredentials() {
        HttpResponse<String> anonymous = requests.anonymous("GET", "/admin/");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic"));
        assertThat(requests.anonymous("GET", "/admin/console.js").statusCode()).isEqualTo(401);
        assertThat(requests.anonymous("GET", "/admin/overview").statusCode()).isEqualTo(401);
    }

    @Test
    void thePageLoadsItsScriptsAsFilesUnderAPolicyWithoutInlineScript() {
        HttpResponse<String> page = requests.asAdmin("GET", "/admin/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<script type=\"module\" src=\"console.js\"></script>");
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("script-src 'self'", "default-src 'none'", "frame-ancestors 'none'");
        assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval");

        HttpResponse<String> script = requests.asAdmin("GET", "/admin/console.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        assertThat(script.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(requests.asAdmin("GET", "/admin/overview").headers().firstValue("Content-Security-Policy"))
                .hasValue(policy);

        HttpResponse<String> bare = requests.asAdmin("GET", "/admin");
        assertThat(bare.statusCode()).isEqualTo(302);
        assertThat(bare.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/admin/"));
    }

    @Test
    void theOverviewHasBothQueuesAndTheJobsByStatus() {
        PlantedDeadLetters deadLetters = new PlantedDeadLetters(rabbit);
        deadLetters.plant("one", "not json");
        deadLetters.plant("two", "{}");
        JsonNode before = overview();

        plantJobs("IN_PROGRESS", 1);
        plantJobs("COMPLETE", 2);
        plantJobs("FAIL", 3);
        // counted again once tally.admin.overview.job-counts-max-age-ms (10 s) has passed
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> !overview().path("jobs_counted_at").equals(before.path("jobs_counted_at")));
        JsonNode after = overview();

        JsonNode queues = after.path("queues");
        assertThat(queues.size()).isEqualTo(2);
        assertThat(queues.get(0).path("name").asText()).isEqualTo(TestStack.QUEUE);
        assertThat(queues.get(0).path("consumers").asInt())
                .as("the worker's consumers")
                .isPositive();
        assertThat(queues.get(1).path("name").asText()).isEqualTo(TestStack.DEAD_LETTER_QUEUE);
        assertThat(queues.get(1).path("messages").asInt()).isEqualTo(2);
        assertThat(queues.get(1).path("consumers").asInt()).isZero();
        assertThat(after.path("jobs").fieldNames()).toIterable().containsExactly("IN_PROGRESS", "COMPLETE", "FAIL");
        assertThat(grown(before, after, "IN_PROGRESS")).isEqualTo(1);
        assertThat(grown(before, after, "COMPLETE")).isEqualTo(2);
        assertThat(grown(before, after, "FAIL")).isEqualTo(3);
        assertThat(Instant.parse(after.path("jobs_counted_at").asText()))
                .isAfter(Instant.parse(before.path("jobs_counted_at").asText()));
    }

    private JsonNode overview() {
        HttpResponse<String> answer = requests.asAdmin("GET", "/admin/overview");
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = AdminRequests.json(answer);
        assertThat(body.path("success").asBoolean()).isTrue();
        assertThat(body.path("message").asText()).isEqualTo("Overview");
        return body.path("data");
    }

    private static long grown(JsonNode before, JsonNode after, String status) {
        return after.path("jobs").path(status).asLong()
                - before.path("jobs").path(status).asLong();
    }

    /** Jobs no worker will touch: no message was queued for them, and the sweeper waits 15 minutes. */
    private void plantJobs(String status, int count) {
        for (int i = 0; i < count; i++) {
            tallyMongo
                    .getDatabase(TestStack.DATABASE)
                    .getCollection("jobs")
                    .insertOne(new Document("url", "http://planted.example/" + status)
                            .append("status", status)
                            .append("created_at", new Date())
                            .append("updated_at", new Date()));
        }
    }
}
