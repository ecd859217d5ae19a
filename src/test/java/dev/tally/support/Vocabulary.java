package dev.tally.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A word list: n distinct words of 7 letters and digits, each once, as a log of unique ids would give. Words are
 * separated by a space, every third by a comma too, so 3,000,000 words take 25,000,000 bytes.
 */
public final class Vocabulary {

    private static final long FIRST = 36L * 36 * 36 * 36 * 36; // "100000" in base 36: six digits for every index

    private Vocabulary() {}

    public static String word(long index) {
        return "w" + Long.toString(FIRST + index, 36);
    }

    /** The index of a word of this list, or -1. */
    public static long indexOf(String word) {
        if (word.length() != 7 || word.charAt(0) != 'w') {
            return -1;
        }
        try {
            return Long.parseLong(word.substring(1), 36) - FIRST;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public static long bytes(long words) {
        return words * 8 + words / 3;
    }

    /** Writes the list, generated as it goes: nothing of it is held. */
    public static void write(long words, OutputStream out) throws IOException {
        StringBuilder chunk = new StringBuilder(64 * 1024);
        for (long index = 0; index < words; index++) {
            chunk.append(word(index)).append(index % 3 == 2 ? ", " : " ");
            if (chunk.length() > 60_000) {
                out.write(chunk.toString().getBytes(StandardCharsets.US_ASCII));
                chunk.setLength(0);
            }
        }
        out.write(chunk.toString().getBytes(StandardCharsets.US_ASCII));
    }
}
