package dev.tally.count;

/**
 * Counts tokens of 1 to 8 chars in U+0001..U+00FF by their packed key ({@link TokenCounts}): open addressing with
 * linear probing over pairs of (key, count), so that an increment touches a single cache line.
 */
final class ShortTokenTable {

    /** 4,096 slots: the 5,000 or so distinct words of a 100 KB page grow it once. */
    private static final int INITIAL_BITS = 12;
    /** Up to 2^16 slots the table grows four times over: rehashing was 4 % of a 100 KB job's CPU under C1. */
    private static final int QUADRUPLE_BELOW_BITS = 16;

    private static final long EMPTY = 0;

    private long[] slots;
    private int shift;
    private int size;
    private int resizeThreshold;

    ShortTokenTable() {
        allocate(INITIAL_BITS);
    }

    /**
     * Counts keys[0, count). Touching all home slots first, in a tight loop of independent loads, lets the cache
     * misses of rare words overlap instead of stalling one after another; the increments then hit the cache.
     * Returns the sum of the touched values, which the caller must keep so that the loads stay.
     */
    long incrementAll(long[] keys, int count) {
        while (size + count > resizeThreshold) {
            rehash();
        }
        long[] slots = this.slots;
        long touched = 0;
        for (int i = 0; i < count; i++) {
            touched += slots[home(keys[i])];
        }
        int mask = slots.length - 2;
        for (int i = 0; i < count; i++) {
            long key = keys[i];
            int index = home(key);
            while (true) {
                long slotKey = slots[index];
                if (slotKey == key) {
                    slots[index + 1]++;
                    break;
                }
                if (slotKey == EMPTY) {
                    slots[index] = key;
                    slots[index + 1] = 1;
                    size++;
                    break;
                }
                index = (index + 2) & mask;
            }
        }
        return touched;
    }

    void forEach(WordCountMap.Builder target) {
        for (int index = 0; index < slots.length; index += 2) {
            long key = slots[index];
            if (key != EMPTY) {
                target.addPacked(key, 0, slots[index + 1]);
            }
        }
    }

    int size() {
        return size;
    }

    private int home(long key) {
        return (int) ((key * PackedKeys.MIX) >>> shift) << 1;
    }

    private void rehash() {
        long[] old = slots;
        int bits = Long.SIZE - shift;
        allocate(bits < QUADRUPLE_BELOW_BITS ? bits + 2 : bits + 1);
        int mask = slots.length - 2;
        for (int oldIndex = 0; oldIndex < old.length; oldIndex += 2) {
            long key = old[oldIndex];
            if (key != EMPTY) {
                int index = home(key);
                while (slots[index] != EMPTY) {
                    index = (index + 2) & mask;
                }
                slots[index] = key;
                slots[index + 1] = old[oldIndex + 1];
                size++;
            }
        }
    }

    private void allocate(int bits) {
        slots = new long[2 << bits];
        shift = Long.SIZE - bits;
        size = 0;
        resizeThreshold = PackedKeys.resizeThreshold(bits);
    }
}
