package dev.tally.count;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Counts words with the semantics of the original Python service,
 * {@code collections.Counter(re.findall(r"(\w[\w']*\w|\w)", text.lower()))}, without regex and without
 * materialising the whole text. Stateless, hence thread-safe.
 */
public class WordCounter {

    private static final int BUFFER_CHARS = 16 * 1024;

    /**
     * Reads {@code reader} to the end and closes it. An {@link IOException} (including one from closing) is
     * rethrown as {@link UncheckedIOException}; a {@link RuntimeException} thrown by the reader propagates as is.
     */
    public WordHistogram count(Reader reader) {
        return count(reader, BUFFER_CHARS);
    }

    public WordHistogram countText(String text) {
        Objects.requireNonNull(text, "text");
        // A short text needs no full-size buffer.
        return count(new StringReader(text), Math.max(64, Math.min(text.length(), BUFFER_CHARS)));
    }

    private static WordHistogram count(Reader reader, int bufferChars) {
        Objects.requireNonNull(reader, "reader");
        WordScanner scanner = new WordScanner();
        char[] buffer = new char[bufferChars];
        try (reader) {
            int read;
            while ((read = reader.read(buffer, 0, buffer.length)) != -1) {
                scanner.feed(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scanner.finish();
    }
}
