package dev.tally.result;

import com.mongodb.MongoGridFSException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSDownloadStream;
import com.mongodb.client.gridfs.GridFSUploadStream;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import dev.tally.count.RankedWords;
import dev.tally.store.MongoDbProperties;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Date;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

/**
 * Word counts too large to sit in their job's document, as GridFS files of the bucket {@code word_counts}: the JSON
 * object {@code {"word": count, ...}} in rank order, so the API streams it out as it is. Each file names its job
 * and the job's creation time in its metadata, for retention.
 */
@Component("wordCountFiles")
public class WordCountFiles {

    public static final String BUCKET = "word_counts";
    public static final String FILES = BUCKET + ".files";
    public static final String CHUNKS = BUCKET + ".chunks";
    /** A file's job's creation time, by which retention removes it. */
    public static final String JOB_CREATED_AT = "metadata.job_created_at";

    private final GridFSBucket bucket;

    public WordCountFiles(MongoClient tallyMongo, MongoDbProperties mongodb) {
        this.bucket = GridFSBuckets.create(tallyMongo.getDatabase(mongodb.database()), BUCKET);
    }

    /** Writes the file in chunks as the JSON is produced; returns its id. A failed upload leaves no chunks. */
    public ObjectId upload(ObjectId jobId, Date jobCreatedAt, RankedWords words) {
        GridFSUploadOptions options = new GridFSUploadOptions()
                .metadata(new Document("job_id", jobId)
                        .append("job_created_at", jobCreatedAt)
                        .append("contentType", "application/json"));
        GridFSUploadStream upload = bucket.openUploadStream(jobId.toHexString() + ".json", options);
        try (OutputStream out = new BufferedOutputStream(upload, 64 * 1024)) {
            WordCountJson.write(words, out);
        } catch (IOException | RuntimeException e) {
            upload.abort();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        return upload.getObjectId();
    }

    public GridFSDownloadStream open(ObjectId fileId) {
        return bucket.openDownloadStream(fileId);
    }

    /** Removes the file and its chunks; a file already gone is no error. */
    public void delete(ObjectId fileId) {
        try {
            bucket.delete(fileId);
        } catch (MongoGridFSException e) {
            if (!String.valueOf(e.getMessage()).startsWith("No file found")) {
                throw e;
            }
        }
    }
}
