package dev.tally.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobMessagesTest {

    private static final String ID = "6b0a3fb7e08e95152fdf5445";

    private final JobMessages messages = new JobMessages(new ObjectMapper());

    @Test
    void carriesWhatTheWorkerNeedsOfTheJob() throws Exception {
        Document job = new Document("_id", new ObjectId(ID))
                .append("url", "http://example.test/a?b=\"c\"")
                .append("status", "IN_PROGRESS")
                .append("created_at", Date.from(Instant.parse("2026-12-05T23:50:01.234Z")));

        String message = messages.forJob(job);

        assertThat(message)
                .isEqualTo("{\"job_id\":\"" + ID + "\",\"url\":\"http://example.test/a?b=\\\"c\\\"\","
                        + "\"created_at\":\"2026-12-05T23:50:01.234Z\"}");
        assertThat(messages.jobFrom(bytes(message)))
                .isEqualTo(new Document("_id", new ObjectId(ID))
                        .append("url", job.getString("url"))
                        .append("created_at", job.getDate("created_at")));
    }

    @Test
    void readsTheOriginalServicesMessageAsTheJobIdAlone() {
        assertThat(messages.jobFrom(bytes("{\"job_id\": \"" + ID + "\"}")))
                .isEqualTo(new Document("_id", new ObjectId(ID)));
        // without both, the worker reads the job's document for the rest
        assertThat(messages.jobFrom(bytes("{\"job_id\": \"" + ID + "\", \"url\": \"http://a.test/\"}")))
                .isEqualTo(new Document("_id", new ObjectId(ID)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "garbage",
                "{}",
                "{\"job_id\": 1}",
                "{\"job_id\": \"nope\"}",
                "[]",
                "null",
                "{\"job_id\": \"" + ID + "\", \"url\": 7, \"created_at\": \"2026-12-05T23:50:01Z\"}",
                "{\"job_id\": \"" + ID + "\", \"url\": \"http://a.test/\", \"created_at\": \"yesterday\"}",
                "{\"job_id\": \"" + ID + "\", \"url\": \"http://a.test/\", \"created_at\": 1764978601000}"
            })
    void poisonMessagesAreRecognised(String body) {
        assertThatThrownBy(() -> messages.jobFrom(bytes(body))).isInstanceOf(PoisonMessageException.class);
    }

    private static byte[] bytes(String message) {
        return message.getBytes(StandardCharsets.UTF_8);
    }
}
