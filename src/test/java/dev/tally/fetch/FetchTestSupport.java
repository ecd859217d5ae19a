package dev.tally.fetch;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.time.Duration;

final class FetchTestSupport {

    private FetchTestSupport() {
    }

    static FetchSettings settings(boolean allowPrivate, int maxRedirects, Duration readTimeout, long maxBytes) {
        return new FetchSettings(Duration.ofSeconds(2), readTimeout, maxBytes, maxRedirects, allowPrivate,
                "Tally/1.0 (+word-count)");
    }

    static String readAll(Reader reader) throws IOException {
        try (reader) {
            StringWriter text = new StringWriter();
            reader.transferTo(text);
            return text.toString();
        }
    }
}
