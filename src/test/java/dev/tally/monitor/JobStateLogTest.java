package dev.tally.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

/**
 * The job line reads well as text and, through Spring Boot's structured encoders (what
 * LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs or logstash selects), carries its fields as JSON members.
 */
class JobStateLogTest {

    private final Logger jobs = (Logger) LoggerFactory.getLogger("dev.tally.jobs");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void capture() {
        lines.start();
        jobs.addAppender(lines);
    }

    @AfterEach
    void release() {
        jobs.detachAppender(lines);
    }

    @Test
    void aCompletedJobIsOneLineWithItsFigures() {
        JobStateLog.changed("6b0a3fb4e08e95152fdf5444", "COMPLETE", Duration.ofMillis(1234), 4096L, 700L, null);

        assertThat(lines.list).hasSize(1);
        assertThat(lines.list.get(0).getFormattedMessage())
                .isEqualTo("job_id=6b0a3fb4e08e95152fdf5444 status=COMPLETE duration_ms=1234 bytes=4096 words=700");
        assertThat(lines.list.get(0).getLevel().toString()).isEqualTo("INFO");
    }

    @Test
    void aFailedJobIsAWarningWithItsReason() {
        JobStateLog.changed(
                "6b0a3fb4e08e95152fdf5444", "FAIL", Duration.ofMillis(20), null, null, "HTTP 404 fetching http://x/");

        assertThat(lines.list.get(0).getFormattedMessage())
                .endsWith(
                        "status=FAIL duration_ms=20 bytes=null words=null" + " reason=\"HTTP 404 fetching http://x/\"");
        assertThat(lines.list.get(0).getLevel().toString()).isEqualTo("WARN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecs", "logstash"})
    void theJsonFormatsCarryTheFieldsAsMembers(String format) throws Exception {
        JobStateLog.changed("6b0a3fb4e08e95152fdf5444", "COMPLETE", Duration.ofMillis(1234), 4096L, 700L, null);

        JsonNode json = new ObjectMapper().readTree(encode(format, lines.list.get(0)));
        assertThat(json.path("job_id").asText()).isEqualTo("6b0a3fb4e08e95152fdf5444");
        assertThat(json.path("status").asText()).isEqualTo("COMPLETE");
        assertThat(json.path("duration_ms").asLong()).isEqualTo(1234);
        assertThat(json.path("bytes").asLong()).isEqualTo(4096);
        assertThat(json.path("words").asLong()).isEqualTo(700);
    }

    private String encode(String format, ILoggingEvent event) {
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(jobs.getLoggerContext());
        jobs.getLoggerContext()
                .putObject(
                        Environment.class.getName(),
                        new MockEnvironment().withProperty("spring.application.name", "tally"));
        encoder.setFormat(format);
        encoder.start();
        try {
            return new String(encoder.encode(event), StandardCharsets.UTF_8);
        } finally {
            encoder.stop();
        }
    }
}
