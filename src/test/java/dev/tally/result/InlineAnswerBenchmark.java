package dev.tally.result;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.count.RankedWords;
import dev.tally.count.WordHistogram;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What a GET of a job with an inline word count costs the web tier, by vocabulary size: the driver decodes the
 * sub-document into a Document, Jackson renders it. Measured for the choice of tally.results.inline-max-bytes
 * (docs/data-model.md); a count in GridFS is copied through in chunks instead, at any size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class InlineAnswerBenchmark {

    @Param({"10000", "80000", "300000"})
    public int words;

    private RawBsonDocument stored;
    private final ObjectMapper json = new ObjectMapper();

    @Setup
    public void store() {
        Map<String, Long> counts = new HashMap<>();
        for (int i = 0; i < words; i++) {
            counts.put("w" + Integer.toString(1_000_000 + i, 36), 1L + i % 7);
        }
        RankedWords ranked = RankedWords.of(new WordHistogram(counts, 0));
        stored = WordCountBson.of(ranked, WordCountBson.size(ranked));
    }

    public long storedBytes() {
        return stored.getByteBuffer().remaining();
    }

    @Benchmark
    public byte[] answerInline() throws Exception {
        Document decoded = new DocumentCodec()
                .decode(stored.asBsonReader(), DecoderContext.builder().build());
        return json.writeValueAsBytes(decoded);
    }
}
