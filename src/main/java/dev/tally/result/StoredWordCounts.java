package dev.tally.result;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.tally.count.RankedWords;
import dev.tally.count.WordHistogram;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.stereotype.Component;

/**
 * Reads a COMPLETE job's histogram in whichever form it was stored: a ranked sub-document or a GridFS file (this
 * version), or the forms of the version before, JSON text as binary or as a string, or an unranked sub-document.
 */
@Component("storedWordCounts")
public class StoredWordCounts {

    static final String INLINE = "word_count";
    static final String FILE = "word_count_file";
    static final String TOP = "top_words";

    // millions of distinct words as field names: interning them would fill Jackson's symbol table
    private static final JsonFactory FILE_JSON = JsonFactory.builder()
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .build();
    private static final ObjectMapper LEGACY_JSON = new ObjectMapper(FILE_JSON);

    private final WordCountFiles files;

    public StoredWordCounts(WordCountFiles files) {
        this.files = files;
    }

    /** The value of the answer's {@code word_count}: stored data, or a file the answer streams. */
    public Object answerValue(Document job) {
        if (job.get(FILE) != null) {
            return new StreamedWordCount(job.getObjectId(FILE));
        }
        Object stored = job.get(INLINE);
        if (stored instanceof Binary json) {
            return new RawValue(new String(json.getData(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return stored instanceof String json ? new RawValue(json) : stored;
    }

    /** The job's rows in rank order; close them. */
    public RankedEntries ranked(Document job) {
        if (job.get(FILE) != null) {
            return new GridFsEntries(FILE_JSON, files.open(job.getObjectId(FILE)));
        }
        Object stored = job.get(INLINE);
        if (stored instanceof Document inline && job.get(TOP) != null) {
            List<WordAndCount> rows = new ArrayList<>(inline.size());
            inline.forEach((word, count) -> rows.add(new WordAndCount(word, ((Number) count).longValue())));
            return RankedEntries.of(rows);
        }
        return RankedEntries.of(rankedLegacy(stored));
    }

    /** The first n rows, from the stored top words when they are enough. */
    public List<Map<String, Object>> top(Document job, int n) {
        List<?> stored = job.getList(TOP, Object.class);
        Number distinct = job.get("distinct_words", Number.class);
        boolean enough =
                stored != null && (stored.size() >= n || distinct != null && distinct.longValue() <= stored.size());
        List<Map<String, Object>> top = new ArrayList<>();
        if (enough) {
            for (Object row : stored.subList(0, Math.min(n, stored.size()))) {
                Document word = (Document) row;
                top.add(row(word.getString("word"), ((Number) word.get("count")).longValue()));
            }
            return top;
        }
        try (RankedEntries rows = ranked(job)) {
            while (top.size() < n && rows.hasNext()) {
                WordAndCount row = rows.next();
                top.add(row(row.word(), row.count()));
            }
        }
        return top;
    }

    private static Map<String, Object> row(String word, long count) {
        Map<String, Object> row = new LinkedHashMap<>(2);
        row.put("word", word);
        row.put("count", count);
        return row;
    }

    private static List<WordAndCount> rankedLegacy(Object stored) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try {
            if (stored instanceof Binary json) {
                counts = LEGACY_JSON.readValue(json.getData(), new TypeReference<LinkedHashMap<String, Long>>() {});
            } else if (stored instanceof String json) {
                counts = LEGACY_JSON.readValue(json, new TypeReference<LinkedHashMap<String, Long>>() {});
            } else if (stored instanceof Document inline) {
                for (Map.Entry<String, Object> entry : inline.entrySet()) {
                    counts.put(entry.getKey(), ((Number) entry.getValue()).longValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        RankedWords ranked = RankedWords.of(new WordHistogram(counts, total));
        List<WordAndCount> rows = new ArrayList<>(ranked.size());
        for (int rank = 0; rank < ranked.size(); rank++) {
            rows.add(new WordAndCount(ranked.word(rank), ranked.count(rank)));
        }
        return rows;
    }
}
