package dev.tally.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.count.RankedWords;
import dev.tally.count.WordHistogram;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;

/** The two stored forms of a histogram, BSON sub-document and JSON file, hold the same rows in rank order. */
class WordCountFormsTest {

    private final RankedWords ranked = RankedWords.of(new WordHistogram(
            Map.of("the", 3L, "\"quoted\"", 1L, "back\\slash", 1L, "naïve", 2L, "big", 3_000_000_000L), 0));

    @Test
    void bsonKeepsRankOrderAndItsSizeIsExact() {
        long size = WordCountBson.size(ranked);
        RawBsonDocument bson = WordCountBson.of(ranked, size);

        assertThat(bson.getByteBuffer().remaining()).isEqualTo(size);
        Map<String, Object> decoded = new LinkedHashMap<>();
        bson.forEach((word, count) -> decoded.put(
                word,
                count.isInt32()
                        ? (Object) count.asInt32().getValue()
                        : (Object) count.asInt64().getValue()));
        assertThat(new ArrayList<>(decoded.keySet()))
                .containsExactly("big", "the", "naïve", "\"quoted\"", "back\\slash");
        assertThat(decoded.get("the")).isEqualTo(3);
        assertThat(decoded.get("big")).isEqualTo(3_000_000_000L);
    }

    @Test
    void aSizeOverTheLimitIsNotComputed() {
        long size = WordCountBson.size(ranked);

        assertThat(WordCountBson.sizeUpTo(ranked, size)).isEqualTo(size);
        assertThat(WordCountBson.sizeUpTo(ranked, size - 1)).isEqualTo(-1);
        assertThat(WordCountBson.sizeUpTo(ranked, 0)).isEqualTo(-1);
    }

    @Test
    void aWordWithANulByteCannotBeAKey() {
        RankedWords withNul = RankedWords.of(new WordHistogram(Map.of("a\u0000b", 1L), 1));

        assertThat(WordCountBson.size(withNul)).isEqualTo(-1);
    }

    @Test
    void jsonWritesWordsLongerThanItsBufferAndEveryDigitOfACount() throws Exception {
        String longWord = "\"".repeat(30) + "x".repeat(200);
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        WordCountJson.write(
                RankedWords.of(new WordHistogram(Map.of(longWord, 1L, "ten", 10L, "max", Long.MAX_VALUE), 0)), json);

        JsonNode parsed = new ObjectMapper().readTree(json.toByteArray());
        assertThat(parsed.path(longWord).asLong()).isEqualTo(1);
        assertThat(parsed.path("ten").asLong()).isEqualTo(10);
        assertThat(parsed.path("max").asLong()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void jsonWritesCountsOfEveryLengthAndAtEachPowerOfTen() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (long power = 1; power > 0 && power <= Long.MAX_VALUE / 10; power *= 10) {
            counts.put("below" + power, power - 1 == 0 ? 1 : power - 1);
            counts.put("at" + power, power);
            counts.put("above" + power, power + 1);
        }
        List.of(Integer.MAX_VALUE - 1L, (long) Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, Long.MAX_VALUE)
                .forEach(count -> counts.put("edge" + count, count));
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        WordCountJson.write(RankedWords.of(new WordHistogram(counts, 0)), json);

        JsonNode parsed = new ObjectMapper().readTree(json.toByteArray());
        counts.forEach(
                (word, count) -> assertThat(parsed.path(word).asText()).as(word).isEqualTo(Long.toString(count)));
        assertThat(parsed.size()).isEqualTo(counts.size());
    }

    @Test
    void jsonKeepsRankOrderAndEscapes() throws Exception {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        WordCountJson.write(ranked, json);

        JsonNode parsed = new ObjectMapper().readTree(json.toByteArray());
        List<String> words = new ArrayList<>();
        parsed.fieldNames().forEachRemaining(words::add);
        assertThat(words).containsExactly("big", "the", "naïve", "\"quoted\"", "back\\slash");
        assertThat(parsed.path("big").asLong()).isEqualTo(3_000_000_000L);
        assertThat(parsed.path("\"quoted\"").asLong()).isEqualTo(1);
    }

    @Test
    void anEmptyHistogramIsAnEmptyObject() throws Exception {
        RankedWords none = RankedWords.of(new WordHistogram(Map.of(), 0));
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        WordCountJson.write(none, json);

        assertThat(json.toString()).isEqualTo("{}");
        assertThat(WordCountBson.of(none, WordCountBson.size(none)).isEmpty()).isTrue();
    }
}
