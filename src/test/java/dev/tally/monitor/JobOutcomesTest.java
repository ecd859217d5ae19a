package dev.tally.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tally.count.WordHistogram;
import dev.tally.fetch.FetchedDocument;
import dev.tally.job.FailureReason;
import dev.tally.job.JobFailure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/** Each job state change the routes report becomes its meters and its job log line. */
class JobOutcomesTest {

    private static final String JOB = "6b0a3fb4e08e95152fdf5444";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final JobOutcomes outcomes = new JobOutcomes(new JobMetrics(registry));
    private final Logger jobLog = (Logger) LoggerFactory.getLogger("dev.tally.jobs");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void capture() {
        lines.start();
        jobLog.addAppender(lines);
    }

    @AfterEach
    void release() {
        jobLog.detachAppender(lines);
    }

    @ParameterizedTest
    @EnumSource(FailureReason.class)
    void aFailIsCountedUnderTheReasonItCarries(FailureReason reason) {
        outcomes.failed(JOB, new JobFailure(reason, "for the user", "for the operator", Duration.ofMillis(20)));

        assertThat(failures(reason.tag())).isEqualTo(1);
        assertThat(registry.find("tally.jobs.failed").counters()).hasSize(1);
        assertThat(lines.list)
                .singleElement()
                .satisfies(line -> assertThat(line.getFormattedMessage())
                        .isEqualTo("job_id=" + JOB
                                + " status=FAIL duration_ms=20 bytes=null words=null reason=\"for the operator\""));
    }

    @Test
    void onlyAWorkersFailIsTimed() {
        outcomes.failed(JOB, new JobFailure(FailureReason.HTTP_4XX, "e", "d", Duration.ofMillis(20)));
        outcomes.failed(JOB, new JobFailure(FailureReason.STALE, "timed out", "timed out", null));

        assertThat(duration("FAIL").count()).isEqualTo(1);
        assertThat(failures("stale")).isEqualTo(1);
        assertThat(lines.list.get(1).getFormattedMessage()).contains("status=FAIL duration_ms=null");
    }

    @Test
    void aCompletedJobIsCountedAndTimed() {
        FetchedDocument document =
                FetchedDocument.of("http://x/", "text/plain", StandardCharsets.UTF_8, InputStream.nullInputStream());

        WordHistogram histogram = new WordHistogram(Map.of("the", 5L, "cat", 3L), 8);

        outcomes.completed(JOB, document, histogram, new DefaultExchange(new DefaultCamelContext()));

        assertThat(registry.get("tally.jobs.completed").counter().count()).isEqualTo(1);
        assertThat(registry.get("tally.tokens.counted").counter().count()).isEqualTo(8);
        assertThat(duration("COMPLETE").count()).isEqualTo(1);
        assertThat(lines.list.get(0).getFormattedMessage())
                .contains("status=COMPLETE")
                .endsWith("words=8");
    }

    @Test
    void anAcceptedJobAndADeadLetterAreCounted() {
        outcomes.accepted(JOB, new DefaultExchange(new DefaultCamelContext()));
        outcomes.deadLettered();

        assertThat(registry.get("tally.jobs.accepted").counter().count()).isEqualTo(1);
        assertThat(registry.get("tally.dead.letters").counter().count()).isEqualTo(1);
        assertThat(lines.list)
                .singleElement()
                .satisfies(line ->
                        assertThat(line.getFormattedMessage()).startsWith("job_id=" + JOB + " status=IN_PROGRESS"));
    }

    /** The reason tags are the ones operators read about: a new category is documented. */
    @Test
    void everyReasonIsDocumented() throws IOException {
        String operations = Files.readString(Path.of("docs/operations.md"));
        Matcher row = Pattern.compile("\\| `tally_jobs_failed_total\\{reason}` \\|([^\\n]*)\\|")
                .matcher(operations);
        assertThat(row.find()).isTrue();
        Matcher tag = Pattern.compile("`([a-z0-9_]+)`").matcher(row.group(1));
        List<String> documented = new ArrayList<>();
        while (tag.find()) {
            documented.add(tag.group(1));
        }

        assertThat(documented)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(FailureReason.values())
                        .map(FailureReason::tag)
                        .toList());
    }

    private double failures(String reason) {
        Counter counter =
                registry.find("tally.jobs.failed").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private Timer duration(String status) {
        return registry.get("tally.job.duration").tag("status", status).timer();
    }
}
