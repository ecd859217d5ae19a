package dev.tally.result;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;

/** The rows of a word-count file, parsed one at a time from its GridFS stream: memory stays flat at any size. */
final class GridFsEntries implements RankedEntries {

    private final InputStream file;
    private final JsonParser parser;
    private WordAndCount next;

    GridFsEntries(JsonFactory json, InputStream file) {
        this.file = file;
        try {
            this.parser = json.createParser(file);
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("a word-count file holds a JSON object");
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
        advance();
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public WordAndCount next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        WordAndCount row = next;
        advance();
        return row;
    }

    private void advance() {
        try {
            if (parser.nextToken() != JsonToken.FIELD_NAME) {
                next = null;
                return;
            }
            String word = parser.currentName();
            parser.nextToken();
            next = new WordAndCount(word, parser.getLongValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            file.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
