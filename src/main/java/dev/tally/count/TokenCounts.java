package dev.tally.count;

import java.util.Map;

/**
 * Counts tokens, allocating nothing for a token seen before. Tokens of up to 16 Latin-1 chars (nearly all words
 * of European text) are counted by their packed bytes ({@link PackedKeys}): up to 8 chars in a
 * {@link ShortTokenTable}, 9 to 16 in a {@link MediumTokenTable}; the rest by their chars in a
 * {@link PooledTokenTable}. Each token lives in exactly one table, so the tables never share keys.
 *
 * <p>Packed tokens are collected in batches, one per table, and counted a batch at a time, which keeps the
 * scanner's loop free of table lookups and lets the tables overlap their cache misses.
 */
final class TokenCounts {

    private static final int BATCH = 512;

    private final ShortTokenTable shortTokens = new ShortTokenTable();
    private final MediumTokenTable mediumTokens = new MediumTokenTable();
    private final PooledTokenTable otherTokens = new PooledTokenTable();
    private long totalTokens;

    private final long[] shortKeys = new long[BATCH];
    private final long[] mediumHeads = new long[BATCH];
    private final long[] mediumTails = new long[BATCH];
    private int pendingShort;
    private int pendingMedium;
    /** Keeps the tables' touching loads alive: the JIT may not drop a load whose value is used. */
    private long touchedSink; // NOPMD UnusedPrivateField: written on purpose, see above

    /** Counts the token chars[0, length). */
    void add(char[] chars, int length) {
        if (isPackable(chars, length)) {
            int headLength = Math.min(length, 8);
            addPacked(PackedKeys.pack(chars, 0, headLength), PackedKeys.pack(chars, headLength, length));
        } else {
            otherTokens.increment(chars, length);
            totalTokens++;
        }
    }

    /**
     * Counts a token of 1 to 16 chars in U+0001..U+00FF, packed as described in {@link PackedKeys}. Both batches
     * are written and only the right one advances, so the choice costs no (unpredictable) branch.
     */
    void addPacked(long head, long tail) {
        int medium = (int) ((tail | -tail) >>> 63);
        shortKeys[pendingShort] = head;
        mediumHeads[pendingMedium] = head;
        mediumTails[pendingMedium] = tail;
        pendingShort += 1 - medium;
        pendingMedium += medium;
        // BATCH is a power of two and each count grows by at most 1 per call: this is "either is full".
        if (((pendingShort | pendingMedium) & BATCH) != 0) {
            flush();
        }
    }

    long totalTokens() {
        flush();
        return totalTokens;
    }

    /** An immutable map of every token to its count. */
    Map<String, Long> toMap() {
        flush();
        WordCountMap.Builder map =
                new WordCountMap.Builder(shortTokens.size() + mediumTokens.size() + otherTokens.size());
        shortTokens.forEach(map);
        mediumTokens.forEach(map);
        otherTokens.forEach(map);
        return map.build();
    }

    private void flush() {
        touchedSink += shortTokens.incrementAll(shortKeys, pendingShort)
                + mediumTokens.incrementAll(mediumHeads, mediumTails, pendingMedium);
        totalTokens += pendingShort + pendingMedium;
        pendingShort = 0;
        pendingMedium = 0;
    }

    private static boolean isPackable(char[] chars, int length) {
        if (length > PackedKeys.MAX_LENGTH) {
            return false;
        }
        int allBits = 0;
        for (int i = 0; i < length; i++) {
            allBits |= chars[i];
        }
        return allBits <= 0xFF;
    }
}
