package dev.tally.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WordHistogramTest {

    @Test
    void equalHistogramsHashAlikeAndDifferentCountsAreNotEqual() {
        WordHistogram one = new WordHistogram(Map.of("a", 2L, "b", 1L), 3);
        WordHistogram same = new WordHistogram(Map.of("b", 1L, "a", 2L), 3);
        WordHistogram otherCounts = new WordHistogram(Map.of("a", 1L, "c", 2L), 3);

        assertThat(one).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(one).isNotEqualTo(otherCounts);
        assertThat(one).isNotEqualTo(new WordHistogram(Map.of("a", 2L, "b", 1L), 4));
    }
}
