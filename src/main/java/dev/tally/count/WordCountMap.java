package dev.tally.count;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The immutable word-to-count map of a {@link WordHistogram}. Words sit in chunks of {@link #CHUNK} references and
 * counts in a {@code long[]}, found through an index of entry numbers by hash, so that no array of references is
 * large enough for the collector to allocate it as a humongous object: G1 treats those as old, so a discarded
 * histogram would keep its 100,000 strings alive, to be copied and promoted, until the next concurrent cycle
 * (as it does with a {@code Map.ofEntries} of that size, whose table is one large array).
 */
final class WordCountMap extends AbstractMap<String, Long> {

    private static final int CHUNK_BITS = 12;
    private static final int CHUNK = 1 << CHUNK_BITS;

    private final String[][] words;
    private final long[] counts;
    private final int size;
    /**
     * Entry number + 1 by hash, linear probing; 0 marks a free slot. Built on the first lookup, since a histogram
     * is usually only iterated; two threads may both build it, which is harmless.
     */
    private volatile int[] index;

    private WordCountMap(String[][] words, long[] counts, int size) {
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
        return entry < 0 ? null : counts[entry];
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Long> action) {
        for (int entry = 0; entry < size; entry++) {
            action.accept(word(entry), counts[entry]);
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
                        return Map.entry(word(entry), counts[entry]);
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
        return words[entry >>> CHUNK_BITS][entry & (CHUNK - 1)];
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

        private final String[][] words;
        private final long[] counts;
        private int size;

        Builder(int size) {
            words = new String[(size + CHUNK - 1) >>> CHUNK_BITS][];
            for (int chunk = 0; chunk < words.length; chunk++) {
                words[chunk] = new String[Math.min(CHUNK, size - (chunk << CHUNK_BITS))];
            }
            counts = new long[size];
        }

        /** Adds the word whose chars are the Latin-1 bytes latin1[0, length). */
        void add(byte[] latin1, int length, long count) {
            add(new String(latin1, 0, length, StandardCharsets.ISO_8859_1), count);
        }

        void add(char[] chars, int from, int to, long count) {
            add(new String(chars, from, to - from), count);
        }

        private void add(String word, long count) {
            words[size >>> CHUNK_BITS][size & (CHUNK - 1)] = word;
            counts[size++] = count;
        }

        Map<String, Long> build() {
            if (size != counts.length) {
                throw new IllegalStateException(size + " words added, " + counts.length + " announced");
            }
            return new WordCountMap(words, counts, size);
        }
    }
}
