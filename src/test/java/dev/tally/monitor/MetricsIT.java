package dev.tally.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tally.support.FullStackTest;
import dev.tally.support.OperatorHttp;
import dev.tally.support.TestStack;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * /actuator/prometheus, scraped over HTTP as Prometheus would, after real jobs: Camel route metrics, JVM, HTTP
 * server and Tally's own job, document, token, dead-letter and queue-depth meters. The context is shared with other
 * tests, so counters are compared before and after.
 */
class MetricsIT extends FullStackTest {

    /** What DocumentServer serves by default: 10 words. */
    private static final String DEFAULT_TEXT = "The cat and the hat. Don't stop 'quoted' 1,000";

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    RabbitAdmin admin;

    OperatorHttp http;

    @BeforeEach
    void operator() {
        http = new OperatorHttp(port);
        admin.purgeQueue(TestStack.DEAD_LETTER_QUEUE, false);
    }

    @Test
    void prometheusNeedsTheAdminCredentials() {
        HttpResponse<String> anonymous = http.get("/actuator/prometheus");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(http.get("/actuator/prometheus", "Authorization", OperatorHttp.basic(TestStack.ADMIN_USER, "wrong"))
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void anAcceptedJobHasItsLogLineWithItsId() {
        Logger jobLog = (Logger) LoggerFactory.getLogger("dev.tally.jobs");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        jobLog.addAppender(lines);
        try {
            String job = submit(documents.url("/metrics-log-line.txt"));
            assertThat(lines.list)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .anyMatch(line -> line.startsWith("job_id=" + job + " status=IN_PROGRESS "));
        } finally {
            jobLog.detachAppender(lines);
        }
    }

    @Test
    void jobsAreCountedTimedAndMeasured() {
        PrometheusText before = scrape();

        String complete = submit(documents.url("/metrics-complete.txt"));
        String missing = submit(documents.url("/missing"));
        assertThat(awaitFinished(complete, Duration.ofSeconds(20))
                        .path("status")
                        .asText())
                .isEqualTo("COMPLETE");
        assertThat(awaitFinished(missing, Duration.ofSeconds(20)).path("status").asText())
                .isEqualTo("FAIL");

        // the notifier runs as the exchange completes, just after the job document was written
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            PrometheusText after = scrape();
            assertThat(grew(before, after, "tally_jobs_accepted_total")).isGreaterThanOrEqualTo(2);
            assertThat(grew(before, after, "tally_jobs_completed_total")).isGreaterThanOrEqualTo(1);
            assertThat(grew(before, after, "tally_jobs_failed_total", "reason=\"http_4xx\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(grew(before, after, "tally_job_duration_seconds_count", "status=\"COMPLETE\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(grew(before, after, "tally_job_duration_seconds_count", "status=\"FAIL\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(grew(before, after, "tally_document_size_bytes_count")).isGreaterThanOrEqualTo(1);
            assertThat(grew(before, after, "tally_document_size_bytes_sum"))
                    .isGreaterThanOrEqualTo(DEFAULT_TEXT.getBytes(StandardCharsets.UTF_8).length);
            assertThat(grew(before, after, "tally_tokens_counted_total")).isGreaterThanOrEqualTo(10);
            assertThat(grew(before, after, "camel_exchanges_succeeded_total", "routeId=\"worker-count-words\""))
                    .isGreaterThanOrEqualTo(2);
            assertThat(grew(before, after, "camel_exchanges_total", "routeId=\"api-post-word-count\""))
                    .isGreaterThanOrEqualTo(2);
        });
        PrometheusText after = scrape();
        assertThat(after.has("tally_job_duration_seconds_bucket"))
                .as("a histogram, not only a summary")
                .isTrue();
        assertThat(after.has("tally_document_size_bytes_bucket")).isTrue();
        assertThat(after.has("jvm_memory_used_bytes")).isTrue();
        assertThat(after.has("http_server_requests_seconds_count")).isTrue();
        assertThat(after.has("camel_route_policy_seconds_count")).isTrue();
        assertThat(after.value("camel_exchanges_total", "eventType=\"context\""))
                .as("route metrics per route only, no context-wide copy")
                .isZero();
        assertThat(after.value("camel_exchanges_total", "routeId=\"api-respond\""))
                .as("the API's helper routes are timed in their verb's route only")
                .isZero();
    }

    @Test
    void aJobThatPassesOnARetryCountsAsComplete() {
        PrometheusText before = scrape();

        String flaky = submit(documents.url("/flaky/metrics-retry.txt"));
        assertThat(awaitFinished(flaky, Duration.ofSeconds(20)).path("status").asText())
                .isEqualTo("COMPLETE");
        assertThat(documents.hits("/flaky/metrics-retry.txt"))
                .as("a 503 first, then the document")
                .isEqualTo(2);

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(grew(before, scrape(), "tally_jobs_completed_total"))
                        .isGreaterThanOrEqualTo(1));
        // Camel keeps the first attempt's exception on the exchange: it once made this job a FAIL in the metrics
        assertThat(scrape().sum("tally_jobs_failed_total") - before.sum("tally_jobs_failed_total"))
                .as("FAILs of any reason")
                .isZero();
    }

    @Test
    void deadLettersAndQueueDepthsAreVisible() {
        PrometheusText before = scrape();
        rabbit.send(
                "", TestStack.QUEUE, new Message("not json".getBytes(StandardCharsets.UTF_8), new MessageProperties()));
        assertThat(rabbit.receive(TestStack.DEAD_LETTER_QUEUE, 15_000))
                .as("the poison message was dead-lettered")
                .isNotNull();
        rabbit.send(
                "",
                TestStack.DEAD_LETTER_QUEUE,
                new Message("parked".getBytes(StandardCharsets.UTF_8), new MessageProperties()));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            PrometheusText after = scrape();
            assertThat(grew(before, after, "tally_dead_letters_total")).isGreaterThanOrEqualTo(1);
            // the snapshot is at most tally.metrics.queue-depth-max-age-ms old
            assertThat(after.value("tally_queue_messages", "queue=\"" + TestStack.DEAD_LETTER_QUEUE + "\""))
                    .isEqualTo(1);
            assertThat(after.value("tally_queue_consumers", "queue=\"" + TestStack.QUEUE + "\""))
                    .isPositive();
        });
        assertThat(scrape().value("tally_queue_messages", "queue=\"" + TestStack.QUEUE + "\""))
                .isZero();
    }

    private PrometheusText scrape() {
        HttpResponse<String> response = http.get("/actuator/prometheus", "Authorization", OperatorHttp.admin());
        assertThat(response.statusCode()).isEqualTo(200);
        return new PrometheusText(response.body());
    }

    private static double grew(PrometheusText before, PrometheusText after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }
}
