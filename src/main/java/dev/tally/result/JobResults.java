package dev.tally.result;

import dev.tally.count.RankedWords;
import dev.tally.count.WordHistogram;
import dev.tally.job.JobDocuments;
import dev.tally.job.JobStatus;
import java.util.List;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

/**
 * The update that completes a job, in the stored form of docs/data-model.md: totals, the top words, and the whole
 * histogram as the sub-document {@code word_count} while it fits comfortably in the job's document
 * ({@code tally.results.inline-max-bytes}), else as a GridFS file named by {@code word_count_file}. Words are in
 * rank order in both, so answers, top-N and CSV read them as stored.
 */
@Component("jobResults")
public class JobResults {

    /** Property naming the GridFS file written for a job, so a lost race can remove it. */
    public static final String WORD_COUNT_FILE_PROPERTY = "wordCountFile";

    static final int TOP_STORED = 100;
    /** Room left in a 16 MB document for the rest of the job, top words and URL included. */
    static final long MAX_INLINE_BYTES = 12L << 20;
    /** Room for the update but its inline count: the buffer grows only for top words of about 20 bytes and more. */
    private static final int UPDATE_BYTES = 4096;

    private final WordCountFiles files;
    private final long inlineMaxBytes;

    public JobResults(WordCountFiles files, ResultsProperties results) {
        this.files = files;
        this.inlineMaxBytes = results.inlineMaxBytes();
    }

    /**
     * Filter and update that complete the job only while it is IN_PROGRESS. The update is BSON bytes written field
     * by field: encoded as a Document, its hundred top words cost the driver a codec lookup per value, 3.4 % of a
     * worker's CPU per 100 KB job (bench/limits.md, "Session 18"). Bound by annotation: {@code ${...}} arguments in
     * the route are parsed and evaluated on every call.
     */
    public List<Bson> completeUpdate(
            @ExchangeProperty("job") Document job, @Body WordHistogram histogram, Exchange exchange) {
        ObjectId jobId = job.getObjectId("_id");
        RankedWords ranked = RankedWords.of(histogram);
        long inlineSize = WordCountBson.sizeUpTo(ranked, inlineMaxBytes);
        BasicOutputBuffer bson = new BasicOutputBuffer(Math.toIntExact(UPDATE_BYTES + Math.max(inlineSize, 0)));
        try (BsonBinaryWriter set = new BsonBinaryWriter(bson)) {
            set.writeStartDocument();
            set.writeStartDocument("$set");
            set.writeString("status", JobStatus.COMPLETE.name());
            set.writeInt64("total_words", histogram.totalWords());
            set.writeInt32("distinct_words", histogram.distinctWords());
            writeTopWords(set, ranked, TOP_STORED);
            if (inlineSize >= 0) {
                set.writeName(StoredWordCounts.INLINE);
                set.pipe(new BsonBinaryReader(
                        WordCountBson.of(ranked, inlineSize).getByteBuffer().asNIO()));
            } else {
                ObjectId file = files.upload(jobId, job.getDate("created_at"), ranked);
                exchange.setProperty(WORD_COUNT_FILE_PROPERTY, file);
                set.writeObjectId(StoredWordCounts.FILE, file);
            }
            set.writeDateTime("updated_at", System.currentTimeMillis());
            set.writeEndDocument();
            set.writeEndDocument();
        }
        return List.of(
                JobDocuments.stillOpen(jobId.toHexString()),
                new RawBsonDocument(bson.getInternalBuffer(), 0, bson.getPosition()));
    }

    /** The job was no longer IN_PROGRESS: the file written for it belongs to no job. */
    public void discardFile(ObjectId file) {
        files.delete(file);
    }

    /** The n most frequent words as {@code [{word, count}, ...]}, counts int32 while they fit, as in word_count. */
    private static void writeTopWords(BsonBinaryWriter set, RankedWords ranked, int n) {
        set.writeStartArray("top_words");
        for (int rank = 0; rank < ranked.size() && rank < n; rank++) {
            set.writeStartDocument();
            set.writeString("word", ranked.word(rank));
            long count = ranked.count(rank);
            if (count <= Integer.MAX_VALUE) {
                set.writeInt32("count", (int) count);
            } else {
                set.writeInt64("count", count);
            }
            set.writeEndDocument();
        }
        set.writeEndArray();
    }
}
