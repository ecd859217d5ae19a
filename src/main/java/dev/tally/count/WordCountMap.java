package dev.tally.count;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The immutable word-to-count map of a {@link WordHistogram}. Words are UTF-8 bytes in a {@link Utf8WordPool} and
 * counts {@link EntryCounts}, found through an index of entry numbers by hash: no String per word is kept, and no
 * array of references is large enough for the collector to allocate it as a humongous object (G1 treats those as
 * old, so a discarded histogram would keep its words alive until the next concurrent cycle). A word becomes a
 * String only when it is read; {@link RankedWords} writes them as bytes.
 */
final class WordCountMap extends AbstractMap<String, Long> {

    private final Utf8WordPool words;
    private final EntryCounts counts;
    private final int size;
    /**
     * Entry number + 1 by hash, linear probing; 0 marks a free slot. Built on the first lookup, since a histogram
     * is usually only iterated; two threads may both build it, which is harmless.
     */
    private volatile int[] index;

    private WordCountMap(Utf8WordPool words, EntryCounts counts, int size) {
        this.words = words;
        this.counts = counts;
        this.size = size;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(Object key) {
        return entryOf(key) >= 0;
    }

    @Override
    public Long get(Object key) {
        int entry = entryOf(key);
        return entry < 0 ? null : counts.get(entry);
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Long> action) {
        for (int entry = 0; entry < size; entry++) {
            action.accept(word(entry), counts.get(entry));
        }
    }

    @Override
    public Set<Map.Entry<String, Long>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, Long>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Map.Entry<String, Long> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int entry = next++;
                        return Map.entry(word(entry), counts.get(entry));
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    private String word(int entry) {
        return words.word(entry);
    }

    Utf8WordPool words() {
        return words;
    }

    long count(int entry) {
        return counts.get(entry);
    }

    private int entryOf(Object key) {
        if (!(key instanceof String)) {
            return -1;
        }
        int[] index = this.index;
        if (index == null) {
            index = buildIndex();
            this.index = index;
        }
        int mask = index.length - 1;
        for (int slot = spread(key.hashCode()) & mask; index[slot] != 0; slot = (slot + 1) & mask) {
            int entry = index[slot] - 1;
            if (word(entry).equals(key)) {
                return entry;
            }
        }
        return -1;
    }

    private int[] buildIndex() {
        int[] index = new int[Math.max(2, Integer.highestOneBit(Math.max(1, size)) << 2)];
        int mask = index.length - 1;
        for (int entry = 0; entry < size; entry++) {
            int slot = spread(word(entry).hashCode()) & mask;
            while (index[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            index[slot] = entry + 1;
        }
        return index;
    }

    private static int spread(int hash) {
        return hash * 0x9E3779B9 ^ (hash >>> 16);
    }

    /** Collects exactly the announced number of distinct words, each once, with their counts. */
    static final class Builder {

        private final Utf8WordPool words;
        private final EntryCounts counts;
        private final int capacity;
        private int size;

        Builder(int size) {
            words = new Utf8WordPool(size);
            counts = new EntryCounts(size);
            capacity = size;
        }

        /** Adds the word of 1 to 16 chars packed as head and tail ({@link PackedKeys}). */
        void addPacked(long head, long tail, long count) {
            words.addPacked(head, tail, PackedKeys.length(head, tail));
            counts.set(size++, count);
        }

        void add(char[] chars, int from, int to, long count) {
            words.addChars(chars, from, to);
            counts.set(size++, count);
        }

        WordCountMap build() {
            if (size != capacity) {
                throw new IllegalStateException(size + " words added, " + capacity + " announced");
            }
            return new WordCountMap(words, counts, size);
        }
    }
}
