package dev.tally.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TokenCountsTest {

    @Test
    void agreesWithHashMapAcrossTableGrowthAndAllTokenKinds() {
        SplittableRandom random = new SplittableRandom(7);
        // Latin-1 only up to 16 chars takes the packed table; longer or wider tokens take the pooled one.
        String alphabet = "ab'\u00E9\u00FF\u0100\u03C3\u4E00";
        TokenCounts counts = new TokenCounts();
        Map<String, Long> expected = new HashMap<>();
        for (int n = 0; n < 300_000; n++) {
            char[] token = new char[1 + random.nextInt(random.nextBoolean() ? 8 : 24)];
            for (int i = 0; i < token.length; i++) {
                token[i] = alphabet.charAt(random.nextInt(random.nextInt(10) == 0 ? alphabet.length() : 4));
            }
            char[] buffer = Arrays.copyOf(token, token.length + random.nextInt(3));
            counts.add(buffer, token.length);
            expected.merge(new String(token), 1L, Long::sum);
        }

        assertThat(counts.toMap()).isEqualTo(expected);
        assertThat(counts.totalTokens()).isEqualTo(300_000);
        assertThat(expected.size()).isGreaterThan(50_000);
    }

    @Test
    void tokensThatDifferOnlyInLengthOrBoundaryAreDistinct() {
        TokenCounts counts = new TokenCounts();
        for (String token : new String[] {
            "a", "aa", "aaaaaaaa", "aaaaaaaaa", "\u00FFa", "a\u00FF", "x".repeat(16), "x".repeat(17), "a", "\u0100"
        }) {
            counts.add(token.toCharArray(), token.length());
        }

        assertThat(counts.toMap())
                .containsOnly(
                        Map.entry("a", 2L),
                        Map.entry("aa", 1L),
                        Map.entry("aaaaaaaa", 1L),
                        Map.entry("aaaaaaaaa", 1L),
                        Map.entry("\u00FFa", 1L),
                        Map.entry("a\u00FF", 1L),
                        Map.entry("x".repeat(16), 1L),
                        Map.entry("x".repeat(17), 1L),
                        Map.entry("\u0100", 1L));
    }
}
