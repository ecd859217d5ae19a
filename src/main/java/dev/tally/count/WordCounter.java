package dev.tally.count;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Counts words with the semantics of the original Python service,
 * {@code collections.Counter(re.findall(r"(\w[\w']*\w|\w)", text.lower()))}, without regex and without
 * materialising the whole text. Stateless, hence thread-safe.
 *
 * <p>Given threads to read ahead with, a text that goes on past {@code readAheadAfterChars} is read on one of them
 * from there while this thread counts ({@link ReadAhead}); a shorter one, or one when no thread is free, is read and
 * counted on the caller's thread alone.
 */
public class WordCounter {

    private static final int BUFFER_CHARS = 16 * 1024;

    private final Executor readAheadThreads;
    private final long readAheadAfterChars;

    /** Counts on the caller's thread alone. */
    public WordCounter() {
        this(null, Long.MAX_VALUE);
    }

    public WordCounter(Executor readAheadThreads, long readAheadAfterChars) {
        this.readAheadThreads = readAheadThreads;
        this.readAheadAfterChars = readAheadThreads == null ? Long.MAX_VALUE : readAheadAfterChars;
    }

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

    private WordHistogram count(Reader reader, int bufferChars) {
        Objects.requireNonNull(reader, "reader");
        WordScanner scanner = new WordScanner();
        char[] buffer = new char[bufferChars];
        try (reader) {
            long counted = 0;
            long readAheadFrom = readAheadAfterChars;
            int read;
            while ((read = reader.read(buffer, 0, buffer.length)) != -1) {
                scanner.feed(buffer, 0, read);
                counted += read;
                if (counted >= readAheadFrom) {
                    if (ReadAhead.countRest(reader, scanner::feed, readAheadThreads, bufferChars)) {
                        break;
                    }
                    readAheadFrom = Long.MAX_VALUE; // no thread was free: this thread reads the rest too
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scanner.finish();
    }
}
