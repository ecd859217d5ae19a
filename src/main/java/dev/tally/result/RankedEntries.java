package dev.tally.result;

import java.io.Closeable;
import java.util.Iterator;
import java.util.List;

/** A stored histogram's rows in rank order, read as they are needed; closing releases a GridFS stream. */
public interface RankedEntries extends Iterator<WordAndCount>, Closeable {

    @Override
    void close();

    static RankedEntries of(List<WordAndCount> rows) {
        Iterator<WordAndCount> iterator = rows.iterator();
        return new RankedEntries() {
            @Override
            public boolean hasNext() {
                return iterator.hasNext();
            }

            @Override
            public WordAndCount next() {
                return iterator.next();
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }
}
