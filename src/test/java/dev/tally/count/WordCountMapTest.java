package dev.tally.count;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WordCountMapTest {

    @Test
    void behavesLikeAHashMapWithTheSameEntriesAcrossSeveralChunks() {
        int words = 10_000;
        WordCountMap.Builder builder = new WordCountMap.Builder(words);
        Map<String, Long> expected = new HashMap<>();
        for (int i = 0; i < words; i++) {
            String word = "w" + i;
            if (i % 2 == 0) {
                addPacked(builder, word, i + 1L);
            } else {
                char[] padded = ("##" + word + "#").toCharArray();
                builder.add(padded, 2, 2 + word.length(), i + 1L);
            }
            expected.put(word, i + 1L);
        }

        Map<String, Long> map = builder.build();

        assertThat(map).isEqualTo(expected).hasSize(words);
        assertThat(expected).isEqualTo(map);
        assertThat(map.hashCode()).isEqualTo(expected.hashCode());
        assertThat(map.get("w9999")).isEqualTo(10_000L);
        assertThat(map.get("w10000")).isNull();
        assertThat(map.get(42)).isNull(); // NOPMD CollectionTypeMismatch: a key of another type misses
        assertThat(map.containsKey("w0")).isTrue();
        assertThat(map.containsKey("")).isFalse();
    }

    @Test
    void keepsCountsPastTheIntRangeAndTheSmallerOnesBeforeThem() {
        WordCountMap.Builder builder = new WordCountMap.Builder(3);
        addPacked(builder, "small", Integer.MAX_VALUE);
        addPacked(builder, "huge", Integer.MAX_VALUE + 1L);
        addPacked(builder, "one", 1);

        assertThat(builder.build())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("small", (long) Integer.MAX_VALUE, "huge", Integer.MAX_VALUE + 1L, "one", 1L));
    }

    @Test
    void isImmutable() {
        WordCountMap.Builder builder = new WordCountMap.Builder(1);
        addPacked(builder, "a", 1);
        Map<String, Long> map = builder.build();

        assertThatThrownBy(() -> map.put("b", 1L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(map::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.entrySet().iterator().next().setValue(2L))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(map).containsExactly(Map.entry("a", 1L));
    }

    @Test
    void anEmptyMapIsEmpty() {
        Map<String, Long> map = new WordCountMap.Builder(0).build();

        assertThat(map).isEmpty();
        assertThat(map.get("a")).isNull();
    }

    @Test
    void aHistogramKeepsTheMapInsteadOfCopyingIt() {
        Map<String, Long> map = new WordCountMap.Builder(0).build();

        assertThat(new WordHistogram(map, 0).counts()).isSameAs(map);
    }

    private static void addPacked(WordCountMap.Builder builder, String word, long count) {
        char[] chars = word.toCharArray();
        int headLength = Math.min(chars.length, 8);
        builder.addPacked(
                PackedKeys.pack(chars, 0, headLength), PackedKeys.pack(chars, headLength, chars.length), count);
    }
}
