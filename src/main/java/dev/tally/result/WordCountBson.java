package dev.tally.result;

import dev.tally.count.RankedWords;
import org.bson.RawBsonDocument;

/**
 * A histogram as the BSON sub-document {@code word_count: {word: count, ...}}, in rank order, written straight from
 * the words' UTF-8 bytes: for 100,000 words no Document, no String per key. Counts are int32 as the original
 * service's pymongo stored them, int64 only past 2^31.
 */
final class WordCountBson {

    private static final byte INT32 = 0x10;
    private static final byte INT64 = 0x12;

    private WordCountBson() {}

    /** Its size in bytes, or -1 when a word cannot be a BSON key (it holds a NUL byte). */
    static long size(RankedWords words) {
        return sizeUpTo(words, Long.MAX_VALUE);
    }

    /**
     * Its size in bytes, or -1 when a word cannot be a BSON key or the size is over limit: the words past the limit
     * are not looked at (with GridFS only, the limit is 0).
     */
    static long sizeUpTo(RankedWords words, long limit) {
        long size = 4 + 1;
        byte[] scratch = new byte[64];
        for (int rank = 0; rank < words.size(); rank++) {
            int length = words.utf8Length(rank);
            if (length > scratch.length) {
                scratch = new byte[length];
            }
            words.copyUtf8(rank, scratch, 0);
            for (int i = 0; i < length; i++) {
                if (scratch[i] == 0) {
                    return -1;
                }
            }
            size += 1 + length + 1 + (fitsInt32(words.count(rank)) ? 4 : 8);
            if (size > limit) {
                return -1;
            }
        }
        return size <= limit ? size : -1;
    }

    /** @param size its {@link #size}, at most 16 MB */
    static RawBsonDocument of(RankedWords words, long size) {
        byte[] bson = new byte[Math.toIntExact(size)];
        int at = putInt32(bson, 0, bson.length);
        for (int rank = 0; rank < words.size(); rank++) {
            long count = words.count(rank);
            boolean int32 = fitsInt32(count);
            bson[at++] = int32 ? INT32 : INT64;
            words.copyUtf8(rank, bson, at);
            at += words.utf8Length(rank);
            bson[at++] = 0;
            at = int32 ? putInt32(bson, at, (int) count) : putInt64(bson, at, count);
        }
        bson[at] = 0;
        return new RawBsonDocument(bson);
    }

    private static boolean fitsInt32(long count) {
        return count <= Integer.MAX_VALUE;
    }

    private static int putInt32(byte[] bson, int at, int value) {
        for (int i = 0; i < 4; i++) {
            bson[at + i] = (byte) (value >>> (8 * i));
        }
        return at + 4;
    }

    private static int putInt64(byte[] bson, int at, long value) {
        for (int i = 0; i < 8; i++) {
            bson[at + i] = (byte) (value >>> (8 * i));
        }
        return at + 8;
    }
}
