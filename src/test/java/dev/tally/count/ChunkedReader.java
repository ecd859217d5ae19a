package dev.tally.count;

import java.io.Reader;
import java.util.function.IntUnaryOperator;

/** Test reader that hands out its text in chunks of a chosen size and records whether it was closed. */
final class ChunkedReader extends Reader {

    private final String text;
    private final IntUnaryOperator chunkSizeForRead;
    private int position;
    private int reads;
    private boolean closed;

    private ChunkedReader(String text, IntUnaryOperator chunkSizeForRead) {
        this.text = text;
        this.chunkSizeForRead = chunkSizeForRead;
    }

    static ChunkedReader oneCharPerRead(String text) {
        return new ChunkedReader(text, read -> 1);
    }

    static ChunkedReader chunksOf(String text, int chunkSize) {
        return new ChunkedReader(text, read -> chunkSize);
    }

    /** Chunk sizes cycle through 1..maxChunkSize, so boundaries fall at every offset modulo small numbers. */
    static ChunkedReader cyclingChunks(String text, int maxChunkSize) {
        return new ChunkedReader(text, read -> 1 + read % maxChunkSize);
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
        if (closed) {
            throw new IllegalStateException("read after close");
        }
        if (position == text.length()) {
            return -1;
        }
        int count = Math.min(Math.min(length, chunkSizeForRead.applyAsInt(reads++)), text.length() - position);
        text.getChars(position, position + count, buffer, offset);
        position += count;
        return count;
    }

    @Override
    public void close() {
        closed = true;
    }

    boolean isClosed() {
        return closed;
    }
}
