package dev.tally.monitor;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * One line per job state change on the logger {@code dev.tally.jobs}. The fields are in the text and, for the JSON
 * formats ({@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} or {@code logstash}), also key-value pairs of their own.
 */
final class JobStateLog {

    private static final Logger LOG = LoggerFactory.getLogger("dev.tally.jobs");

    private JobStateLog() {}

    static void changed(String jobId, String status, Duration took, Long bytes, Long words, String reason) {
        Long durationMs = took == null ? null : took.toMillis();
        LoggingEventBuilder line = reason == null ? LOG.atInfo() : LOG.atWarn();
        line.addKeyValue("job_id", jobId)
                .addKeyValue("status", status)
                .addKeyValue("duration_ms", durationMs)
                .addKeyValue("bytes", bytes)
                .addKeyValue("words", words);
        if (reason != null) {
            line = line.addKeyValue("reason", reason);
        }
        line.log(
                "job_id={} status={} duration_ms={} bytes={} words={}{}",
                jobId,
                status,
                durationMs,
                bytes,
                words,
                reason == null ? "" : " reason=\"" + reason + "\"");
    }
}
