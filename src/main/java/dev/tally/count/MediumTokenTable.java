package dev.tally.count;

/**
 * Counts tokens of 9 to 16 chars in U+0001..U+00FF by their packed key, a head (chars 1-8) and a non-zero tail
 * (chars 9-16) ({@link PackedKeys}): open addressing with linear probing over slots of three longs (head, tail,
 * count). These are mostly rare words, whose lookups miss the cache, so the footprint is kept small.
 */
final class MediumTokenTable {

    private static final int INITIAL_BITS = 8;
    private static final int STRIDE = 3;
    private static final long EMPTY = 0;

    private long[] slots;
    private int shift;
    private int size;
    private int resizeThreshold;

    MediumTokenTable() {
        allocate(INITIAL_BITS);
    }

    /**
     * Counts (heads[i], tails[i]) for i in [0, count), touching all home slots first as in {@link ShortTokenTable}.
     * Returns the sum of the touched values, which the caller must keep so that the loads stay.
     */
    long incrementAll(long[] heads, long[] tails, int count) {
        while (size + count > resizeThreshold) {
            rehash();
        }
        long[] slots = this.slots;
        long touched = 0;
        for (int i = 0; i < count; i++) {
            touched += slots[home(heads[i], tails[i])];
        }
        for (int i = 0; i < count; i++) {
            long head = heads[i];
            long tail = tails[i];
            int index = home(head, tail);
            while (true) {
                long slotHead = slots[index];
                if (slotHead == head && slots[index + 1] == tail) {
                    slots[index + 2]++;
                    break;
                }
                if (slotHead == EMPTY) {
                    slots[index] = head;
                    slots[index + 1] = tail;
                    slots[index + 2] = 1;
                    size++;
                    break;
                }
                index = next(index, slots.length);
            }
        }
        return touched;
    }

    void forEach(WordCountMap.Builder target) {
        for (int index = 0; index < slots.length; index += STRIDE) {
            long head = slots[index];
            if (head != EMPTY) {
                target.addPacked(head, slots[index + 1], slots[index + 2]);
            }
        }
    }

    int size() {
        return size;
    }

    private int home(long head, long tail) {
        return (int) (((head + tail * PackedKeys.MIX_TAIL) * PackedKeys.MIX) >>> shift) * STRIDE;
    }

    private static int next(int index, int length) {
        int next = index + STRIDE;
        return next == length ? 0 : next;
    }

    private void rehash() {
        long[] old = slots;
        allocate(Long.SIZE - shift + 1);
        for (int oldIndex = 0; oldIndex < old.length; oldIndex += STRIDE) {
            if (old[oldIndex] != EMPTY) {
                int index = home(old[oldIndex], old[oldIndex + 1]);
                while (slots[index] != EMPTY) {
                    index = next(index, slots.length);
                }
                slots[index] = old[oldIndex];
                slots[index + 1] = old[oldIndex + 1];
                slots[index + 2] = old[oldIndex + 2];
                size++;
            }
        }
    }

    private void allocate(int bits) {
        slots = new long[STRIDE << bits];
        shift = Long.SIZE - bits;
        size = 0;
        resizeThreshold = PackedKeys.resizeThreshold(bits);
    }
}
