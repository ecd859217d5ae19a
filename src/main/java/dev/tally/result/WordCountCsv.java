package dev.tally.result;

import dev.tally.job.JobStatus;
import dev.tally.web.ApiException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** A finished job's histogram as CSV ({@code word,count}, rank order), produced row by row as the client reads. */
@Component("wordCountCsv")
public class WordCountCsv {

    private static final byte[] HEADER = "word,count\r\n".getBytes(StandardCharsets.US_ASCII);

    private final StoredWordCounts wordCounts;

    public WordCountCsv(StoredWordCounts wordCounts) {
        this.wordCounts = wordCounts;
    }

    public InputStream of(Document job) {
        String status = job.getString("status");
        if (!JobStatus.COMPLETE.name().equals(status)) {
            throw ApiException.conflict("Job " + job.getObjectId("_id").toHexString() + " is " + status
                    + ": only a COMPLETE job has a word count");
        }
        return new RowStream(HEADER, wordCounts.ranked(job));
    }

    public String fileName(Document job) {
        return "word-count-" + job.getObjectId("_id").toHexString() + ".csv";
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
    static String field(String word) {
        boolean plain = word.chars().noneMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
        return plain ? word : '"' + word.replace("\"", "\"\"") + '"';
    }

    private static final class RowStream extends InputStream {

        private final RankedEntries rows;
        private byte[] pending;
        private int at;

        RowStream(byte[] header, RankedEntries rows) {
            this.rows = rows;
            this.pending = header;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            int written = 0;
            while (written < length) {
                if (at == pending.length) {
                    if (!rows.hasNext()) {
                        break;
                    }
                    WordAndCount row = rows.next();
                    pending = (field(row.word()) + ',' + row.count() + "\r\n").getBytes(StandardCharsets.UTF_8);
                    at = 0;
                }
                int n = Math.min(length - written, pending.length - at);
                System.arraycopy(pending, at, target, offset + written, n);
                at += n;
                written += n;
            }
            return written == 0 ? -1 : written;
        }

        @Override
        public void close() {
            rows.close();
        }
    }
}
