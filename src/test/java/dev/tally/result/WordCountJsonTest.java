package dev.tally.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The eight-bytes-at-a-time test for what JSON must escape, against a byte-by-byte one at every position. */
class WordCountJsonTest {

    private static final int[] ESCAPED = {'"', '\\', 0x00, 0x01, 0x1F};
    private static final int[] NOT_ESCAPED = {' ', '!', '#', '[', ']', 'a', '\'', 0x7F, 0x80, 0x9F, 0xA0, 0xDC, 0xFF};

    @Test
    void findsAnEscapedByteAtAnyPositionOfAnyLength() {
        for (int length = 1; length <= 17; length++) {
            for (int position = 0; position < length; position++) {
                for (int escaped : ESCAPED) {
                    byte[] row = row(length, 'w');
                    row[3 + position] = (byte) escaped;

                    assertThat(WordCountJson.needsEscape(row, 3, length))
                            .as("0x%02x at %d of %d", escaped, position, length)
                            .isTrue();
                }
            }
        }
    }

    @Test
    void passesBytesThatNeedNoEscapeWhateverFollowsTheWord() {
        for (int length = 1; length <= 17; length++) {
            for (int plain : NOT_ESCAPED) {
                byte[] row = row(length, plain);

                assertThat(WordCountJson.needsEscape(row, 3, length))
                        .as("0x%02x times %d", plain, length)
                        .isFalse();
            }
        }
    }

    /** A row with the word at 3, and quotes and control chars before and after it, as a reused row may hold. */
    private static byte[] row(int length, int fill) {
        byte[] row = new byte[3 + length + 16];
        Arrays.fill(row, (byte) '"');
        row[1] = 0;
        row[3 + length + 1] = 0x1F;
        Arrays.fill(row, 3, 3 + length, (byte) fill);
        return row;
    }
}
