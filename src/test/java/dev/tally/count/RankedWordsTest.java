package dev.tally.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RankedWordsTest {

    @Test
    void ranksByCountDescendingThenWordByCodePoint() {
        Map<String, Long> counts = Map.of("b", 2L, "a", 2L, "zebra", 5L, "é", 1L, "z", 1L, "𝔘nicode", 1L, "ab", 2L);

        RankedWords ranked = RankedWords.of(new WordHistogram(counts, 14));

        assertThat(words(ranked)).containsExactly("zebra", "a", "ab", "b", "z", "é", "𝔘nicode");
        assertThat(ranked.count(0)).isEqualTo(5);
        assertThat(ranked.count(6)).isEqualTo(1);
    }

    @Test
    void agreesWithASortOfStringsByCodePointOnManyWordsAcrossPoolChunks() throws Exception {
        Random random = new Random(7);
        Map<String, Long> counts = new HashMap<>();
        while (counts.size() < 30_000) {
            StringBuilder word = new StringBuilder();
            int length = 1 + random.nextInt(12);
            for (int i = 0; i < length; i++) {
                word.appendCodePoint(random.nextInt(10) == 0 ? 0xE0 + random.nextInt(30) : 'a' + random.nextInt(4));
            }
            counts.put(word.toString(), 1L + random.nextInt(3));
        }
        List<Map.Entry<String, Long>> expected = new ArrayList<>(counts.entrySet());
        expected.sort(Comparator.<Map.Entry<String, Long>>comparingLong(e -> -e.getValue())
                .thenComparing(Map.Entry::getKey, RankedWordsTest::byCodePoint));

        RankedWords ranked = RankedWords.of(new WordHistogram(counts, 0));

        assertThat(ranked.size()).isEqualTo(expected.size());
        for (int rank = 0; rank < expected.size(); rank++) {
            assertThat(ranked.word(rank)).isEqualTo(expected.get(rank).getKey());
            assertThat(ranked.count(rank)).isEqualTo(expected.get(rank).getValue());
            ByteArrayOutputStream utf8 = new ByteArrayOutputStream();
            ranked.writeUtf8(rank, utf8);
            assertThat(utf8.toByteArray()).isEqualTo(expected.get(rank).getKey().getBytes(StandardCharsets.UTF_8));
            assertThat(ranked.utf8Length(rank)).isEqualTo(utf8.size());
        }
    }

    @Test
    void ranksTheCountersOwnHistogramWithLatinOneWords() {
        WordHistogram histogram = new WordCounter().countText("Café café naïve the THE the long_words_are_pooled_here");

        RankedWords ranked = RankedWords.of(histogram);

        assertThat(words(ranked)).containsExactly("the", "café", "long_words_are_pooled_here", "naïve");
    }

    @Test
    void ordersManyWordsThatShareTheirLeadingBytesByTheirWholeWord() {
        Map<String, Long> counts = new HashMap<>();
        for (int i = 0; i < 500; i++) {
            counts.put("sharedprefix" + Integer.toString(i * 7919 % 1000, 36), i % 3 == 0 ? 2L : 1L);
            counts.put("short" + i, 1L);
        }

        assertThat(words(RankedWords.of(new WordHistogram(counts, 0))))
                .containsExactlyElementsOf(expectedOrder(counts));
    }

    @Test
    void ranksCountsTooFarApartToShareAKeyWithTheEntryNumber() {
        Map<String, Long> counts = new HashMap<>();
        for (int i = 0; i < 3000; i++) {
            counts.put("w" + i, i % 4 == 0 ? Long.MAX_VALUE / 2 - i % 3 : 1L + i % 5);
        }

        RankedWords ranked = RankedWords.of(new WordHistogram(counts, 0));

        assertThat(words(ranked)).containsExactlyElementsOf(expectedOrder(counts));
        assertThat(ranked.count(0)).isEqualTo(Long.MAX_VALUE / 2);
    }

    @Test
    void ranksCountsSpreadTooWideForACountingSort() {
        Map<String, Long> counts = new HashMap<>();
        for (int i = 0; i < 2000; i++) {
            counts.put("w" + i, 1L + (i * 7_919L) % 5_000_000);
        }
        counts.put("tie-b", 5_000_000L);
        counts.put("tie-a", 5_000_000L);

        assertThat(words(RankedWords.of(new WordHistogram(counts, 0))))
                .containsExactlyElementsOf(expectedOrder(counts));
    }

    @Test
    void ranksNoWordAndOneWord() {
        assertThat(RankedWords.of(new WordHistogram(Map.of(), 0)).size()).isZero();
        assertThat(words(RankedWords.of(new WordHistogram(Map.of("one", 3L), 3))))
                .containsExactly("one");
    }

    private static List<String> expectedOrder(Map<String, Long> counts) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Comparator.<Map.Entry<String, Long>>comparingLong(e -> -e.getValue())
                .thenComparing(Map.Entry::getKey, RankedWordsTest::byCodePoint));
        return entries.stream().map(Map.Entry::getKey).toList();
    }

    private static List<String> words(RankedWords ranked) {
        List<String> words = new ArrayList<>();
        for (int rank = 0; rank < ranked.size(); rank++) {
            words.add(ranked.word(rank));
        }
        return words;
    }

    private static int byCodePoint(String a, String b) {
        return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }
}
