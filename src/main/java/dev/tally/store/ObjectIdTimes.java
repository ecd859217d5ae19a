package dev.tally.store;

import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;

/**
 * A map from ObjectId to a {@code long} in three arrays: each id's 12 bytes as a {@code long} and an {@code int},
 * open addressing with linear probing, removal by shifting the entries after it back. A map of {@code ObjectId} to
 * {@code Long} costs four objects and about 110 bytes an entry; with a million open jobs (make bench leaves that
 * many) it filled the store's heap, and each full collection traced all four million objects while every request
 * waited (bench/limits.md, "Session 17"). This costs 20 bytes a slot and no object per entry. Not thread-safe.
 */
final class ObjectIdTimes {

    /** What {@link #forEach} hands over: the id's bytes as two numbers, and its value. */
    interface Entry {
        void accept(long high, int low, long value);
    }

    private static final int MIN_CAPACITY = 1 << 10;

    private long[] highs;
    private int[] lows;
    private long[] values;
    private int size;
    // the all-zero id marks an empty slot, so it is kept beside the arrays
    private boolean hasZero;
    private long zeroValue;

    ObjectIdTimes() {
        allocate(MIN_CAPACITY);
    }

    void put(ObjectId id, long value) {
        ByteBuffer bytes = ByteBuffer.wrap(id.toByteArray());
        put(bytes.getLong(), bytes.getInt(), value);
    }

    boolean remove(ObjectId id) {
        ByteBuffer bytes = ByteBuffer.wrap(id.toByteArray());
        return remove(bytes.getLong(), bytes.getInt());
    }

    static ObjectId objectId(long high, int low) {
        return new ObjectId(ByteBuffer.allocate(12).putLong(high).putInt(low).array());
    }

    int size() {
        return size + (hasZero ? 1 : 0);
    }

    void clear() {
        allocate(MIN_CAPACITY);
        size = 0;
        hasZero = false;
    }

    void forEach(Entry entry) {
        if (hasZero) {
            entry.accept(0, 0, zeroValue);
        }
        for (int slot = 0; slot < highs.length; slot++) {
            if (!isEmpty(slot)) {
                entry.accept(highs[slot], lows[slot], values[slot]);
            }
        }
    }

    private void put(long high, int low, long value) {
        if (isEmpty(high, low)) {
            hasZero = true;
            zeroValue = value;
            return;
        }
        int mask = highs.length - 1;
        int slot = home(high, low, mask);
        while (!isEmpty(slot)) {
            if (highs[slot] == high && lows[slot] == low) {
                values[slot] = value;
                return;
            }
            slot = (slot + 1) & mask;
        }
        highs[slot] = high;
        lows[slot] = low;
        values[slot] = value;
        if (++size > highs.length / 4 * 3) {
            grow();
        }
    }

    private boolean remove(long high, int low) {
        if (isEmpty(high, low)) {
            boolean had = hasZero;
            hasZero = false;
            return had;
        }
        int mask = highs.length - 1;
        int gap = home(high, low, mask);
        while (!(highs[gap] == high && lows[gap] == low)) {
            if (isEmpty(gap)) {
                return false;
            }
            gap = (gap + 1) & mask;
        }
        // an entry after the gap moves into it when the gap lies between the entry's home slot and the entry
        for (int next = (gap + 1) & mask; !isEmpty(next); next = (next + 1) & mask) {
            int home = home(highs[next], lows[next], mask);
            if (((next - home) & mask) >= ((next - gap) & mask)) {
                highs[gap] = highs[next];
                lows[gap] = lows[next];
                values[gap] = values[next];
                gap = next;
            }
        }
        highs[gap] = 0;
        lows[gap] = 0;
        size--;
        return true;
    }

    private void grow() {
        long[] oldHighs = highs;
        int[] oldLows = lows;
        long[] oldValues = values;
        allocate(oldHighs.length * 2);
        size = 0;
        for (int slot = 0; slot < oldHighs.length; slot++) {
            if (!isEmpty(oldHighs[slot], oldLows[slot])) {
                put(oldHighs[slot], oldLows[slot], oldValues[slot]);
            }
        }
    }

    private void allocate(int capacity) {
        highs = new long[capacity];
        lows = new int[capacity];
        values = new long[capacity];
    }

    private boolean isEmpty(int slot) {
        return isEmpty(highs[slot], lows[slot]);
    }

    private static boolean isEmpty(long high, int low) {
        return high == 0 && low == 0;
    }

    private static int home(long high, int low, int mask) {
        long mixed = (high ^ (low * 0x9E3779B97F4A7C15L)) * 0xC2B2AE3D27D4EB4FL;
        return (int) (mixed ^ (mixed >>> 29)) & mask;
    }
}
