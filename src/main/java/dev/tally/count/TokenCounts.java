package dev.tally.count;

import java.util.Map;

/**
 * Counts tokens, allocating nothing for a token seen before. Tokens of up to 16 Latin-1 chars (nearly all words
 * of European text) are counted by their packed bytes in one of two {@link PackedTokenTable}s, the rest by their
 * chars in a {@link PooledTokenTable}. Each token lives in exactly one table, so the tables never share keys.
 */
final class TokenCounts {

    private static final int MEDIUM_BATCH = 256;

    private final PackedTokenTable shortTokens = PackedTokenTable.forHeadOnly();
    private final PackedTokenTable mediumTokens = PackedTokenTable.forHeadAndTail();
    private final PooledTokenTable otherTokens = new PooledTokenTable();
    private long totalTokens;

    private final long[] mediumHeads = new long[MEDIUM_BATCH];
    private final long[] mediumTails = new long[MEDIUM_BATCH];
    private int pendingMedium;

    /** Counts the token chars[0, length). */
    void add(char[] chars, int length) {
        if (isPackable(chars, length)) {
            int headLength = Math.min(length, 8);
            addPacked(PackedTokenTable.pack(chars, 0, headLength), PackedTokenTable.pack(chars, headLength, length));
        } else {
            otherTokens.increment(chars, length);
            totalTokens++;
        }
    }

    /** Counts a token of 1 to 16 chars in U+0001..U+00FF, packed as described in {@link PackedTokenTable}. */
    void addPacked(long head, long tail) {
        totalTokens++;
        if (tail == 0) {
            shortTokens.increment(head, 0);
            return;
        }
        // Medium-length words are mostly rare ones, so nearly every lookup misses the cache; see incrementAll.
        mediumHeads[pendingMedium] = head;
        mediumTails[pendingMedium] = tail;
        if (++pendingMedium == MEDIUM_BATCH) {
            flushMedium();
        }
    }

    long totalTokens() {
        return totalTokens;
    }

    private void flushMedium() {
        mediumTokens.incrementAll(mediumHeads, mediumTails, pendingMedium);
        pendingMedium = 0;
    }

    /** An immutable map, built directly so that {@link WordHistogram}'s defensive copy costs nothing. */
    Map<String, Long> toMap() {
        flushMedium();
        @SuppressWarnings("unchecked")
        Map.Entry<String, Long>[] entries =
                new Map.Entry[shortTokens.size() + mediumTokens.size() + otherTokens.size()];
        int[] next = {0};
        shortTokens.forEach((token, count) -> entries[next[0]++] = Map.entry(token, count));
        mediumTokens.forEach((token, count) -> entries[next[0]++] = Map.entry(token, count));
        otherTokens.forEach((token, count) -> entries[next[0]++] = Map.entry(token, count));
        return Map.ofEntries(entries);
    }

    private static boolean isPackable(char[] chars, int length) {
        if (length > PackedTokenTable.MAX_LENGTH) {
            return false;
        }
        int allBits = 0;
        for (int i = 0; i < length; i++) {
            allBits |= chars[i];
        }
        return allBits <= 0xFF;
    }
}
