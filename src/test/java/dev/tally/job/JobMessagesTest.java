package dev.tally.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobMessagesTest {

    private final JobMessages messages = new JobMessages(new ObjectMapper());

    @Test
    void roundTripsTheOriginalMessageShape() throws Exception {
        String message = messages.forJob("6b0a3fb7e08e95152fdf5445");
        assertThat(message).isEqualTo("{\"job_id\":\"6b0a3fb7e08e95152fdf5445\"}");
        assertThat(messages.jobIdFrom(message.getBytes(StandardCharsets.UTF_8))).isEqualTo("6b0a3fb7e08e95152fdf5445");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "{}", "{\"job_id\": 1}", "{\"job_id\": \"nope\"}", "[]", "null"})
    void poisonMessagesAreRecognised(String body) {
        assertThatThrownBy(() -> messages.jobIdFrom(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PoisonMessageException.class);
    }
}
