package dev.tally.count;

import java.util.Arrays;

/**
 * Counts tokens of any length and any chars (the ones packed tables cannot take). Open addressing
 * with linear probing; a slot holds (hash, entry number) and the count side by side. Entry chars sit back to
 * back in one pool, so a token seen before costs a hash, a probe and a compare, but no allocation.
 */
final class PooledTokenTable {

    private static final int INITIAL_BITS = 6;
    private static final int FIBONACCI_MULTIPLIER = 0x9E3779B9;
    private static final long EMPTY = 0;

    /** Pairs of (hash << 32 | entry + 1, count); EMPTY marks a free slot. */
    private long[] slots;

    private int shift;
    private int resizeThreshold;

    private char[] pool = new char[256];
    /** Entry e occupies pool[entryStart[e], entryStart[e + 1]). */
    private int[] entryStart = new int[1 << INITIAL_BITS];

    private int entries;

    PooledTokenTable() {
        allocate(INITIAL_BITS);
    }

    void increment(char[] chars, int length) {
        int hash = 0;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + chars[i];
        }
        long[] slots = this.slots;
        int mask = slots.length - 2;
        int index = slotIndex(hash);
        while (true) {
            long slot = slots[index];
            if (slot == EMPTY) {
                slots[index] = ((long) hash << 32) | (newEntry(chars, length) + 1);
                slots[index + 1] = 1;
                if (entries > resizeThreshold) {
                    rehash();
                }
                return;
            }
            if ((int) (slot >>> 32) == hash && matches((int) slot - 1, chars, length)) {
                slots[index + 1]++;
                return;
            }
            index = (index + 2) & mask;
        }
    }

    int size() {
        return entries;
    }

    void forEach(WordCountMap.Builder target) {
        for (int index = 0; index < slots.length; index += 2) {
            long slot = slots[index];
            if (slot != EMPTY) {
                int entry = (int) slot - 1;
                target.add(pool, entryStart[entry], entryStart[entry + 1], slots[index + 1]);
            }
        }
    }

    private boolean matches(int entry, char[] chars, int length) {
        int start = entryStart[entry];
        return entryStart[entry + 1] - start == length && Arrays.equals(pool, start, start + length, chars, 0, length);
    }

    private int newEntry(char[] chars, int length) {
        int start = entryStart[entries];
        if (start + length > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, start + length));
        }
        System.arraycopy(chars, 0, pool, start, length);
        if (entries + 1 == entryStart.length) {
            entryStart = Arrays.copyOf(entryStart, entryStart.length * 2);
        }
        entryStart[entries + 1] = start + length;
        return entries++;
    }

    private int slotIndex(int hash) {
        return ((hash * FIBONACCI_MULTIPLIER) >>> shift) << 1;
    }

    private void rehash() {
        long[] old = slots;
        allocate(Integer.SIZE - shift + 1);
        int mask = slots.length - 2;
        for (int oldIndex = 0; oldIndex < old.length; oldIndex += 2) {
            long slot = old[oldIndex];
            if (slot != EMPTY) {
                int index = slotIndex((int) (slot >>> 32));
                while (slots[index] != EMPTY) {
                    index = (index + 2) & mask;
                }
                slots[index] = slot;
                slots[index + 1] = old[oldIndex + 1];
            }
        }
    }

    private void allocate(int bits) {
        slots = new long[2 << bits];
        shift = Integer.SIZE - bits;
        resizeThreshold = (1 << bits) / 2;
    }
}
