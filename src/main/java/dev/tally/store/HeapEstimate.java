package dev.tally.store;

import de.bwaldvogel.mongo.bson.BinData;
import java.util.Collection;
import java.util.Map;

/**
 * Roughly what a decoded document takes on the heap, in time proportional to its top-level fields: H2 asks for it
 * every time it copies a page, so walking a word count's 15,000 fields each time made every write slower the more
 * finished jobs shared its page. A nested document or array counts by its size at an average field's cost.
 */
final class HeapEstimate {

    private static final long MAP = 64;
    private static final long FIELD = 40 + 48 + 16; // map entry, short key string, boxed value
    private static final long OBJECT = 24;

    private HeapEstimate() {}

    static long of(Map<?, ?> document) {
        long bytes = MAP;
        for (Map.Entry<?, ?> field : document.entrySet()) {
            bytes += FIELD + nested(field.getValue());
        }
        return bytes;
    }

    private static long nested(Object value) {
        if (value instanceof Map<?, ?> map) {
            return MAP + map.size() * FIELD;
        }
        if (value instanceof Collection<?> list) {
            return MAP + list.size() * (FIELD + MAP);
        }
        if (value instanceof CharSequence text) {
            return OBJECT + 16 + text.length();
        }
        if (value instanceof byte[] bytes) {
            return 16 + bytes.length;
        }
        if (value instanceof BinData binary) {
            // a GridFS chunk's data, up to 255 KB: counted as an object, a drain's chunks went unsaved past the
            // heap, and the store's writer failed with OutOfMemoryError (bench/limits.md, "Session 12")
            return OBJECT + 16 + binary.getData().length;
        }
        return OBJECT;
    }
}
