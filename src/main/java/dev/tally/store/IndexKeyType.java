package dev.tally.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * How the embedded store keeps the keys of its unique indexes in H2. By default H2 Java-serializes a
 * {@link KeyValue}, and, since it is not Comparable, orders keys by their serialized bytes: every index lookup
 * deserialized every key on the pages it read, and serialized both sides of each comparison. With the store's
 * page cache off, that was most of its CPU per GET and per finished job once tens of thousands of jobs were stored
 * (bench/limits.md). Here each field is written as a position is ({@link PositionType}: an ObjectId as its 12
 * bytes, other values in H2's own encoding), and keys compare field by field.
 */
final class IndexKeyType extends BasicDataType<KeyValue> {

    static final IndexKeyType INSTANCE = new IndexKeyType();

    private static final PositionType VALUES = PositionType.INSTANCE;

    private IndexKeyType() {}

    @Override
    public int getMemory(KeyValue key) {
        int memory = 48;
        for (Object value : key) {
            memory += VALUES.getMemory(value);
        }
        return memory;
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        buffer.putVarInt(key.size());
        for (Object value : key) {
            VALUES.write(buffer, value);
        }
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        Object[] keyValues = new Object[DataUtils.readVarInt(buffer)];
        for (int i = 0; i < keyValues.length; i++) {
            keyValues[i] = VALUES.read(buffer);
        }
        return new KeyValue(keyValues);
    }

    /** Zero exactly for equal keys, as a unique index needs; the order itself serves only H2's lookups. */
    @Override
    public int compare(KeyValue a, KeyValue b) {
        if (a.size() != b.size()) {
            return Integer.compare(a.size(), b.size());
        }
        for (int i = 0; i < a.size(); i++) {
            int order = compareValues(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private int compareValues(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == null || b == null) {
            return a == null ? -1 : 1;
        }
        if (a.getClass() != b.getClass()) {
            return a.getClass().getName().compareTo(b.getClass().getName());
        }
        if (a instanceof ObjectId id) {
            return id.compareTo((ObjectId) b);
        }
        if (a instanceof String || a instanceof Integer || a instanceof Long || a instanceof Double) {
            @SuppressWarnings("unchecked")
            Comparable<Object> comparable = (Comparable<Object>) a;
            return comparable.compareTo(b);
        }
        return a.equals(b) ? 0 : VALUES.compare(a, b);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
