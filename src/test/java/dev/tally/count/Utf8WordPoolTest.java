package dev.tally.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8WordPoolTest {

    private static final int WORDS = 60_000;

    @Test
    void keepsEveryWordAndItsPrefixAcrossChunkBoundariesHoweverItWasAdded() {
        Random random = new Random(14);
        List<String> expected = new ArrayList<>();
        Utf8WordPool pool = new Utf8WordPool(WORDS);
        int straddling = 0;
        int bytes = 0;
        for (int i = 0; i < WORDS; i++) {
            String word = randomWord(random);
            int way = random.nextInt(3);
            if (way == 0 && word.length() <= PackedKeys.MAX_LENGTH) {
                char[] chars = word.toCharArray();
                int headLength = Math.min(chars.length, 8);
                pool.addPacked(
                        PackedKeys.pack(chars, 0, headLength),
                        PackedKeys.pack(chars, headLength, chars.length),
                        chars.length);
            } else if (way < 2) {
                pool.addLatin1(word.getBytes(StandardCharsets.ISO_8859_1), word.length());
            } else {
                char[] padded = ("#" + word + "##").toCharArray();
                pool.addChars(padded, 1, 1 + word.length());
            }
            expected.add(word);
            int length = utf8(word).length;
            if (bytes >>> 16 != (bytes + length - 1) >>> 16) {
                straddling++;
            }
            bytes += length;
        }

        assertThat(straddling).as("words across a 64 KB chunk boundary").isGreaterThan(5);
        assertThat(pool.size()).isEqualTo(WORDS);
        for (int i = 0; i < WORDS; i++) {
            byte[] utf8 = utf8(expected.get(i));
            assertThat(pool.word(i)).isEqualTo(expected.get(i));
            assertThat(pool.length(i)).isEqualTo(utf8.length);
            assertThat(pool.prefix(i)).as("prefix of %s", expected.get(i)).isEqualTo(prefixOf(utf8));
            byte[] copied = new byte[utf8.length + 2];
            pool.copy(i, copied, 1);
            assertThat(Arrays.copyOfRange(copied, 1, 1 + utf8.length)).isEqualTo(utf8);
        }
        for (int n = 0; n < 20_000; n++) {
            int word = random.nextInt(WORDS);
            int other = random.nextInt(WORDS);
            assertThat(Integer.signum(pool.compare(word, other)))
                    .isEqualTo(Integer.signum(
                            Arrays.compareUnsigned(utf8(expected.get(word)), utf8(expected.get(other)))));
        }
    }

    /** 1 to 20 chars: half the words ASCII letters, half with some Latin-1 ones that take two bytes in UTF-8. */
    private static String randomWord(Random random) {
        char[] chars = new char[1 + random.nextInt(20)];
        boolean ascii = random.nextBoolean();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = !ascii && random.nextInt(5) == 0
                    ? (char) (0xC0 + random.nextInt(0x40))
                    : (char) ('a' + random.nextInt(3));
        }
        return new String(chars);
    }

    private static byte[] utf8(String word) {
        return word.getBytes(StandardCharsets.UTF_8);
    }

    private static long prefixOf(byte[] utf8) {
        long prefix = 0;
        for (int i = 0; i < 8; i++) {
            prefix = prefix << 8 | (i < utf8.length ? utf8[i] & 0xFF : 0);
        }
        return prefix;
    }
}
