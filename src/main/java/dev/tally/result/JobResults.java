package dev.tally.result;

import dev.tally.count.RankedWords;
import dev.tally.count.WordHistogram;
import dev.tally.job.JobDocuments;
import dev.tally.job.JobStatus;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.apache.camel.Exchange;
import org.bson.Document;
import org.bson.conversions.Bson;
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

    private final WordCountFiles files;
    private final long inlineMaxBytes;

    public JobResults(WordCountFiles files, ResultsProperties results) {
        this.files = files;
        this.inlineMaxBytes = results.inlineMaxBytes();
    }

    /** Filter and update that complete the job only while it is IN_PROGRESS. */
    public List<Bson> completeUpdate(Document job, WordHistogram histogram, Exchange exchange) {
        ObjectId jobId = job.getObjectId("_id");
        RankedWords ranked = RankedWords.of(histogram);
        Document set = new Document("status", JobStatus.COMPLETE.name())
                .append("total_words", histogram.totalWords())
                .append("distinct_words", histogram.distinctWords())
                .append("top_words", topWords(ranked, TOP_STORED));
        long inlineSize = WordCountBson.sizeUpTo(ranked, inlineMaxBytes);
        if (inlineSize >= 0) {
            set.append(StoredWordCounts.INLINE, WordCountBson.of(ranked, inlineSize));
        } else {
            ObjectId file = files.upload(jobId, job.getDate("created_at"), ranked);
            exchange.setProperty(WORD_COUNT_FILE_PROPERTY, file);
            set.append(StoredWordCounts.FILE, file);
        }
        set.append("updated_at", new Date());
        return List.of(JobDocuments.stillOpen(jobId.toHexString()), new Document("$set", set));
    }

    /** The job was no longer IN_PROGRESS: the file written for it belongs to no job. */
    public void discardFile(ObjectId file) {
        files.delete(file);
    }

    static List<Document> topWords(RankedWords ranked, int n) {
        List<Document> top = new ArrayList<>(Math.min(n, ranked.size()));
        for (int rank = 0; rank < ranked.size() && rank < n; rank++) {
            top.add(new Document("word", ranked.word(rank)).append("count", WordCountBson.number(ranked.count(rank))));
        }
        return top;
    }
}
