package dev.tally.fetch;

import java.io.FilterReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.function.IntSupplier;

/** Test HTML handed out a few chars a read, so that chunk boundaries fall inside every kind of markup. */
final class ChunkedHtml extends FilterReader {

    private final IntSupplier charsPerRead;

    private ChunkedHtml(String html, IntSupplier charsPerRead) {
        super(new StringReader(html));
        this.charsPerRead = charsPerRead;
    }

    static ChunkedHtml of(String html, IntSupplier charsPerRead) {
        return new ChunkedHtml(html, charsPerRead);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        return super.read(buffer, offset, Math.min(length, charsPerRead.getAsInt()));
    }
}
