package dev.tally.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.tally.count.RankedWords;
import dev.tally.count.WordHistogram;
import dev.tally.store.MongoDbProperties;
import java.io.ByteArrayOutputStream;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A word-count file is written as GridFS chunks and a files document that GridFS itself reads back. */
class WordCountFilesTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final List<String> chunkReads = new CopyOnWriteArrayList<>();
    private final MongoClient client = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
            .addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    BsonDocument command = event.getCommand();
                    String collection = command.containsKey("find")
                            ? command.getString("find").getValue()
                            : command.containsKey("getMore")
                                    ? command.getString("collection").getValue()
                                    : "";
                    if (collection.equals(WordCountFiles.CHUNKS)) {
                        chunkReads.add(event.getCommandName() + " " + command.get("batchSize"));
                    }
                }
            })
            .build());
    private final MongoDatabase database = client.getDatabase("word_count_files");
    private final WordCountFiles files =
            new WordCountFiles(client, new MongoDbProperties(null, "word_count_files", "majority", 1000, 1, 1L));

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aSmallFileAfterALargeOneOnTheSameThreadHoldsOnlyItsOwnBytes() throws Exception {
        ObjectId large = files.upload(new ObjectId(), new Date(), rankedWords(60_000));
        RankedWords few = rankedWords(3);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        WordCountJson.write(few, expected);

        ObjectId small = files.upload(new ObjectId(), new Date(), few);

        assertThat(files.open(small).readAllBytes()).isEqualTo(expected.toByteArray());
        assertThat(files.open(large).readAllBytes()).hasSizeGreaterThan(2 * GridFsChunkStream.CHUNK_SIZE);
    }

    @Test
    void aFileOfSeveralChunksReadsBackThroughGridFsWithItsMetadata() throws Exception {
        RankedWords words = rankedWords(60_000);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        WordCountJson.write(words, expected);
        assertThat(expected.size()).isGreaterThan(2 * GridFsChunkStream.CHUNK_SIZE);
        ObjectId job = new ObjectId();
        Date created = new Date(1_700_000_000_000L);

        ObjectId file = files.upload(job, created, words);

        assertThat(files.open(file).readAllBytes()).isEqualTo(expected.toByteArray());
        GridFSFile stored = GridFSBuckets.create(database, WordCountFiles.BUCKET)
                .find(new Document("_id", file))
                .first();
        assertThat(stored.getLength()).isEqualTo(expected.size());
        assertThat(stored.getChunkSize()).isEqualTo(GridFsChunkStream.CHUNK_SIZE);
        assertThat(stored.getFilename()).isEqualTo(job.toHexString() + ".json");
        assertThat(stored.getMetadata())
                .containsEntry("job_id", job)
                .containsEntry("job_created_at", created)
                .containsEntry("contentType", "application/json");
        assertThat(database.getCollection(WordCountFiles.CHUNKS).countDocuments())
                .isEqualTo(3);
    }

    @Test
    void aLargeFileIsReadAFewChunksPerRoundTrip() throws Exception {
        RankedWords words = rankedWords(300_000);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        WordCountJson.write(words, expected);
        ObjectId file = files.upload(new ObjectId(), new Date(), words);
        long chunks = database.getCollection(WordCountFiles.CHUNKS).countDocuments();
        assertThat(chunks).isGreaterThan(2L * WordCountFiles.CHUNKS_PER_READ);

        assertThat(files.open(file).readAllBytes()).isEqualTo(expected.toByteArray());

        String batch = "BsonInt32{value=" + WordCountFiles.CHUNKS_PER_READ + "}";
        assertThat(chunkReads).first().isEqualTo("find " + batch);
        assertThat(chunkReads)
                .hasSize((int) ((chunks + WordCountFiles.CHUNKS_PER_READ - 1) / WordCountFiles.CHUNKS_PER_READ))
                .allMatch(read -> read.endsWith(" " + batch));
    }

    @Test
    void aFileThatFitsOneChunkIsOneChunk() throws Exception {
        RankedWords words = rankedWords(3);

        ObjectId file = files.upload(new ObjectId(), new Date(), words);

        assertThat(new String(files.open(file).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{\"w2\":3,\"w1\":2,\"w0\":1}");
        assertThat(database.getCollection(WordCountFiles.CHUNKS).countDocuments())
                .isEqualTo(1);
    }

    @Test
    void aFailedUploadLeavesNoChunks() {
        RankedWords words = rankedWords(60_000);
        // a second file of the same job's name cannot be inserted: its chunks were, and must go again
        database.getCollection(WordCountFiles.FILES)
                .createIndex(new Document("filename", 1), new com.mongodb.client.model.IndexOptions().unique(true));
        ObjectId job = new ObjectId();
        files.upload(job, new Date(), words);

        assertThatThrownBy(() -> files.upload(job, new Date(), words)).isInstanceOf(RuntimeException.class);

        assertThat(database.getCollection(WordCountFiles.CHUNKS).countDocuments())
                .isEqualTo(3);
        assertThat(database.getCollection(WordCountFiles.FILES).countDocuments())
                .isEqualTo(1);
    }

    private static RankedWords rankedWords(int distinct) {
        Map<String, Long> counts = new HashMap<>();
        for (int i = 0; i < distinct; i++) {
            counts.put("w" + i, 1L + i % 7);
        }
        return RankedWords.of(new WordHistogram(counts, 0));
    }
}
