package dev.tally.count;

import java.io.IOException;
import java.io.Reader;

/** Test reader that serves a text, then throws its failure; records the thread it failed on and whether it was closed. */
final class FailingReader extends Reader {

    private final ChunkedReader text;
    private final Exception failure;
    private volatile String failedOn;

    /** {@code failure} is an IOException or a RuntimeException. */
    FailingReader(String text, int chunkSize, Exception failure) {
        this.text = ChunkedReader.chunksOf(text, chunkSize);
        this.failure = failure;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int read = text.read(buffer, offset, length);
        if (read >= 0) {
            return read;
        }
        failedOn = Thread.currentThread().getName();
        if (failure instanceof IOException io) {
            throw io;
        }
        throw (RuntimeException) failure;
    }

    @Override
    public void close() {
        text.close();
    }

    boolean isClosed() {
        return text.isClosed();
    }

    String failedOn() {
        return failedOn;
    }
}
