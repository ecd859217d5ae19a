package dev.tally.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random, mostly-ASCII texts against a deliberately naive reference tokenizer, to cover the bulk ASCII path at
 * every alignment: blocks of 8 and 64 chars, its narrowing pieces and capacity, tokens longer than 8 and 16 chars,
 * and stretches interrupted by non-ASCII letters. For these alphabets Java's lowercasing and isLetterOrDigit agree
 * with Python's str.lower() and \w.
 */
class WordCounterRandomTextTest {

    private static final String WORD_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
    private static final String SEPARATORS = " \n\t.,;:!?-()\"/";

    private final WordCounter counter = new WordCounter();

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void matchesTheNaiveReference(int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int round = 0; round < 25; round++) {
            String text = randomText(random, random.nextInt(12_000));
            Map<String, Long> expected = naiveReference(text);

            WordHistogram whole = counter.countText(text);
            WordHistogram chunked = counter.count(ChunkedReader.cyclingChunks(text, 1 + random.nextInt(700)));

            assertThat(whole.counts()).isEqualTo(expected);
            assertThat(chunked.counts()).isEqualTo(expected);
            assertThat(whole.totalWords())
                    .isEqualTo(expected.values().stream()
                            .mapToLong(Long::longValue)
                            .sum());
        }
    }

    private static String randomText(SplittableRandom random, int targetLength) {
        double apostropheRate = random.nextBoolean() ? 0.02 : 0.25;
        double nonAsciiRate = random.nextInt(3) == 0 ? 0.01 : 0;
        StringBuilder text = new StringBuilder(targetLength + 64);
        while (text.length() < targetLength) {
            int wordLength = random.nextInt(4) == 0 ? 1 + random.nextInt(40) : 1 + random.nextInt(9);
            for (int i = 0; i < wordLength; i++) {
                double draw = random.nextDouble();
                if (draw < nonAsciiRate) {
                    text.append(random.nextBoolean() ? '\u00E9' : '\u00C9');
                } else if (draw < nonAsciiRate + apostropheRate) {
                    text.append('\'');
                } else {
                    text.append(WORD_CHARS.charAt(random.nextInt(WORD_CHARS.length())));
                }
            }
            int separators = 1 + random.nextInt(3);
            for (int i = 0; i < separators; i++) {
                text.append(SEPARATORS.charAt(random.nextInt(SEPARATORS.length())));
            }
        }
        return text.toString();
    }

    /** Straight from the regex: from a word char, over [\w'], back to the last word char. */
    static Map<String, Long> naiveReference(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        Map<String, Long> counts = new HashMap<>();
        int i = 0;
        while (i < lower.length()) {
            if (!isWordChar(lower.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            int lastWordChar = i;
            while (end < lower.length() && (isWordChar(lower.charAt(end)) || lower.charAt(end) == '\'')) {
                if (isWordChar(lower.charAt(end))) {
                    lastWordChar = end;
                }
                end++;
            }
            counts.merge(lower.substring(i, lastWordChar + 1), 1L, Long::sum);
            i = end;
        }
        return counts;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
