package dev.tally.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.job.FailureReason;
import dev.tally.job.JobFailureException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.function.Consumer;

final class FetchTestSupport {

    private FetchTestSupport() {}

    static FetchSettings settings(boolean allowPrivate, int maxRedirects, Duration readTimeout, long maxBytes) {
        return new FetchSettings(
                Duration.ofSeconds(2), readTimeout, maxBytes, maxRedirects, allowPrivate, "Tally/1.0 (+word-count)");
    }

    /** Private networks blocked, with the local test server's port allowed so the address check is reached. */
    static FetchSettings publicOnly(int serverPort) {
        return new FetchSettings(
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                1_000_000,
                5,
                false,
                "Tally/1.0 (+word-count)",
                java.util.Set.of(serverPort));
    }

    /** The failure carries {@code reason}, the category its job's FAIL is counted under. */
    static Consumer<Throwable> carries(FailureReason reason) {
        return failure -> assertThat(failure)
                .isInstanceOfSatisfying(
                        JobFailureException.class,
                        thrown -> assertThat(thrown.reason()).isEqualTo(reason));
    }

    static String readAll(Reader reader) throws IOException {
        try (reader) {
            StringWriter text = new StringWriter();
            reader.transferTo(text);
            return text.toString();
        }
    }
}
