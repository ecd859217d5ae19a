package dev.tally.count;

/**
 * Counts tokens of 9 to 16 chars in U+0001..U+00FF by their packed key, a head (chars 1-8) and a non-zero tail
 * (chars 9-16) ({@link TokenCounts}): open addressing with linear probing over 32-byte slots of (head, tail,
 * count, unused).
 *
 * <p>These are mostly rare words, so nearly every lookup misses the cache: slots start {@link #ALIGN} longs into
 * the array so that, in a large (hence region-aligned) array whose elements start 16 bytes in, no slot straddles
 * two 64-byte cache lines.
 */
final class MediumTokenTable {

    private static final int INITIAL_BITS = 8;
    private static final int ALIGN = 6;
    private static final long EMPTY = 0;

    private long[] slots;
    private int shift;
    private int size;
    private int resizeThreshold;

    MediumTokenTable() {
        allocate(INITIAL_BITS);
    }

    /** Counts (heads[i], tails[i]) for i in [0, count), touching all home slots first as in {@link ShortTokenTable}. */
    long incrementAll(long[] heads, long[] tails, int[] homes, int count) {
        while (size + count > resizeThreshold) {
            rehash();
        }
        long[] slots = this.slots;
        long touched = 0;
        for (int i = 0; i < count; i++) {
            int home = home(heads[i], tails[i]);
            homes[i] = home;
            touched += slots[home];
        }
        int mask = slots.length - ALIGN - 4;
        for (int i = 0; i < count; i++) {
            long head = heads[i];
            long tail = tails[i];
            int index = homes[i];
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
                index = ((index - ALIGN + 4) & mask) + ALIGN;
            }
        }
        return touched;
    }

    void forEach(WordCountMap.Builder target) {
        byte[] chars = new byte[16];
        for (int index = ALIGN; index < slots.length; index += 4) {
            long head = slots[index];
            if (head != EMPTY) {
                PackedKeys.unpack(head, chars, 0);
                target.add(chars, PackedKeys.unpack(slots[index + 1], chars, 8), slots[index + 2]);
            }
        }
    }

    int size() {
        return size;
    }

    private int home(long head, long tail) {
        return ((int) (((head + tail * PackedKeys.MIX_TAIL) * PackedKeys.MIX) >>> shift) << 2) + ALIGN;
    }

    private void rehash() {
        long[] old = slots;
        allocate(Long.SIZE - shift + 1);
        int mask = slots.length - ALIGN - 4;
        for (int oldIndex = ALIGN; oldIndex < old.length; oldIndex += 4) {
            if (old[oldIndex] != EMPTY) {
                int index = home(old[oldIndex], old[oldIndex + 1]);
                while (slots[index] != EMPTY) {
                    index = ((index - ALIGN + 4) & mask) + ALIGN;
                }
                System.arraycopy(old, oldIndex, slots, index, 3);
                size++;
            }
        }
    }

    private void allocate(int bits) {
        slots = new long[ALIGN + (4 << bits)];
        shift = Long.SIZE - bits;
        size = 0;
        resizeThreshold = (int) ((1L << bits) * 6 / 10);
    }
}
