package dev.tally.store;

import java.util.Collection;
import java.util.Map;

/** Roughly what a decoded document takes on the heap: entry, key and boxed value of each field, recursively. */
final class HeapEstimate {

    private static final long MAP = 64;
    private static final long ENTRY = 40;
    private static final long OBJECT = 24;

    private HeapEstimate() {}

    static long of(Object value) {
        if (value instanceof Map<?, ?> map) {
            long bytes = MAP;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                bytes += ENTRY + of(entry.getKey()) + of(entry.getValue());
            }
            return bytes;
        }
        if (value instanceof Collection<?> list) {
            long bytes = MAP;
            for (Object element : list) {
                bytes += 8 + of(element);
            }
            return bytes;
        }
        if (value instanceof CharSequence text) {
            return OBJECT + 16 + text.length();
        }
        if (value instanceof byte[] bytes) {
            return 16 + bytes.length;
        }
        return OBJECT;
    }
}
