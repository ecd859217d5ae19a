package dev.tally.result;

import com.mongodb.MongoGridFSException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSDownloadStream;
import com.mongodb.client.model.Filters;
import dev.tally.count.RankedWords;
import dev.tally.store.MongoDbProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;
import org.bson.Document;
import org.bson.RawBsonDocument;
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

    static final int CHUNKS_PER_READ = 4;

    private final GridFSBucket bucket;
    private final MongoCollection<RawBsonDocument> chunks;
    private final MongoCollection<Document> files;
    /**
     * One chunk's array per thread, written over by each upload: a new one per job was 15 % of what a 100 KB job
     * allocated, zeroed and collected (bench/limits.md, "Session 18").
     */
    private final ThreadLocal<byte[]> chunkBuffers =
            ThreadLocal.withInitial(() -> GridFsChunkStream.buffer(GridFsChunkStream.CHUNK_SIZE));

    public WordCountFiles(MongoClient tallyMongo, MongoDbProperties mongodb) {
        MongoDatabase database = tallyMongo.getDatabase(mongodb.database());
        this.bucket = GridFSBuckets.create(database, BUCKET);
        this.chunks = database.getCollection(CHUNKS, RawBsonDocument.class);
        this.files = database.getCollection(FILES);
    }

    /**
     * Writes the file in chunks as the JSON is produced, then its files document, as GridFS does (a file is
     * visible once that document is); returns its id. A failed upload leaves no chunks.
     */
    public ObjectId upload(ObjectId jobId, Date jobCreatedAt, RankedWords words) {
        ObjectId fileId = new ObjectId();
        try {
            GridFsChunkStream out = new GridFsChunkStream(chunks, fileId, chunkBuffers.get());
            WordCountJson.write(words, out);
            out.close();
            files.insertOne(new Document("_id", fileId)
                    .append("filename", jobId.toHexString() + ".json")
                    .append("length", out.length())
                    .append("chunkSize", GridFsChunkStream.CHUNK_SIZE)
                    .append("uploadDate", new Date())
                    .append(
                            "metadata",
                            new Document("job_id", jobId)
                                    .append("job_created_at", jobCreatedAt)
                                    .append("contentType", "application/json")));
        } catch (IOException | RuntimeException e) {
            RuntimeException failure =
                    e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
            try {
                chunks.deleteMany(Filters.eq("files_id", fileId));
            } catch (RuntimeException cleanup) {
                // MongoDB out of reach: the upload's own failure is the one to classify (transient, redelivered)
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
        return fileId;
    }

    /**
     * Reads the file a few chunks per round trip: left to the server, a batch is up to 16 MB, one array that outlives
     * a young collection and fills the web JVM's old generation (bench/limits.md, "Session 10").
     */
    public GridFSDownloadStream open(ObjectId fileId) {
        return bucket.openDownloadStream(fileId).batchSize(CHUNKS_PER_READ);
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
