package dev.tally.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Random;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GridFS files of several chunks, among other files, read back whole and from a later chunk (ChunkLookupIndex). */
class GridFsOnEmbeddedStoreTest {

    @TempDir
    Path dir;

    @Test
    void filesOfSeveralChunksReadBackExactly() throws Exception {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dir.toString(), 0);
                MongoClient client = MongoClients.create(server.connectionString())) {
            GridFSBucket bucket = GridFSBuckets.create(client.getDatabase("tally"), "word_counts");
            byte[] first = bytes(1, 700_000);
            byte[] second = bytes(2, 300_000);
            ObjectId firstId = bucket.uploadFromStream(
                    "a.json", new ByteArrayInputStream(first), new GridFSUploadOptions().chunkSizeBytes(255 * 1024));
            ObjectId secondId = bucket.uploadFromStream(
                    "b.json", new ByteArrayInputStream(second), new GridFSUploadOptions().chunkSizeBytes(255 * 1024));

            assertThat(bucket.openDownloadStream(firstId).readAllBytes()).isEqualTo(first);
            assertThat(bucket.openDownloadStream(secondId).readAllBytes()).isEqualTo(second);
            try (var download = bucket.openDownloadStream(firstId)) {
                assertThat(download.skip(600_000)).isEqualTo(600_000);
                assertThat(download.readAllBytes()).hasSize(100_000);
            }
        }
    }

    private static byte[] bytes(int seed, int size) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
