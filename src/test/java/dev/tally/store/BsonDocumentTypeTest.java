package dev.tally.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BsonDocumentTypeTest {

    @TempDir
    Path dir;

    @Test
    void keepsEveryValueAJobHolds() {
        Document job = job(3);

        try (MVStore store = open()) {
            bsonMap(store).put(job.get("_id"), job);
        }
        try (MVStore store = open()) {
            assertThat(bsonMap(store).get(job.get("_id"))).isEqualTo(job);
        }
    }

    @Test
    void readsDocumentsJavaSerializedBeforeBesideNewOnes() {
        Document before = job(2);
        Document after = job(5);
        try (MVStore store = open()) {
            store.<Object, Document>openMap("databases.tally.jobs").put(before.get("_id"), before);
        }
        try (MVStore store = open()) {
            bsonMap(store).put(after.get("_id"), after);
        }
        try (MVStore store = open()) {
            MVMap<Object, Document> jobs = bsonMap(store);
            assertThat(jobs.get(before.get("_id"))).isEqualTo(before);
            assertThat(jobs.get(after.get("_id"))).isEqualTo(after);
        }
    }

    @Test
    void estimatesAWordCountsHeapFromItsFields() {
        assertThat(BsonDocumentType.INSTANCE.getMemory(job(10_000))).isGreaterThan(1_000_000);
        assertThat(BsonDocumentType.INSTANCE.getMemory(job(0))).isLessThan(2_000);
    }

    @Test
    void estimatesAGridFsChunkByItsData() {
        assertThat(BsonDocumentType.INSTANCE.getMemory(chunk(255 * 1024))).isGreaterThan(255 * 1024);
    }

    /** H2 commits once its unsaved pages pass the buffer: only if it sees what the chunks weigh. */
    @Test
    void chunksWrittenOneAfterAnotherAreCommittedAsTheyGo() {
        try (MVStore store = new MVStore.Builder()
                .fileName(dir.resolve("chunks.mv").toString())
                .autoCommitBufferSize(1024)
                .autoCommitDisabled()
                .open()) {
            store.setAutoCommitDelay(0);
            MVMap<Object, Document> chunks = store.openMap(
                    "databases.tally.word_counts.chunks",
                    new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
            long before = store.getCurrentVersion();
            for (int i = 0; i < 40; i++) {
                Document chunk = chunk(255 * 1024);
                chunks.put(chunk.get("_id"), chunk);
            }
            assertThat(store.getCurrentVersion()).as("versions committed").isGreaterThan(before + 3);
        }
    }

    private MVStore open() {
        return new MVStore.Builder()
                .fileName(dir.resolve("store.mv").toString())
                .open();
    }

    private static MVMap<Object, Document> bsonMap(MVStore store) {
        return store.openMap(
                "databases.tally.jobs", new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
    }

    private static Document job(int words) {
        Document wordCount = new Document();
        for (int i = 0; i < words; i++) {
            wordCount.put("w" + i, i % 2 == 0 ? (Object) (i + 1) : (Object) (i + 1L));
        }
        Document job = new Document("_id", new ObjectId());
        job.put("url", "http://example.com/ü");
        job.put("status", "COMPLETE");
        job.put("created_at", Instant.ofEpochMilli(1_700_000_000_123L));
        job.put("total_words", 12_345_678_901L);
        job.put("ratio", 0.5);
        job.put("swept", true);
        job.put("error", null);
        job.put("top_words", List.of(new Document("word", "w0").append("count", 1)));
        job.put("word_count", wordCount);
        return job;
    }

    private static Document chunk(int bytes) {
        Document chunk = new Document("_id", new ObjectId());
        chunk.put("files_id", new ObjectId());
        chunk.put("n", 0);
        chunk.put("data", new BinData(new byte[bytes]));
        return chunk;
    }
}
