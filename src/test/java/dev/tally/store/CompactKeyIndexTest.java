package dev.tally.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unique indexes with compact keys: lookups and constraints hold, on a reopened file and on one written before. */
class CompactKeyIndexTest {

    private static final int JOBS = 2_000;

    @TempDir
    Path dir;

    @Test
    void findsAndGuardsEveryKeyAgainAfterARestart() {
        ObjectId[] ids = ids();
        withStore(IdLookupH2Backend::new, jobs -> insertJobs(jobs, ids));

        withStore(IdLookupH2Backend::new, jobs -> assertIndexesAnswer(jobs, ids));
    }

    @Test
    void takesOverTheIndexesOfAFileWrittenByMongoJavaServersOwnBackend() {
        ObjectId[] ids = ids();
        withStore(H2Backend::new, jobs -> insertJobs(jobs, ids));

        withStore(IdLookupH2Backend::new, jobs -> assertIndexesAnswer(jobs, ids));
        withStore(IdLookupH2Backend::new, jobs -> assertIndexesAnswer(jobs, ids));

        try (MVStore store = MVStore.open(dir.resolve("store.mv").toString())) {
            assertThat(store.getMapNames())
                    .as("the old index maps are gone")
                    .filteredOn(name -> name.contains("._index_") && !name.endsWith(CompactKeyIndex.SUFFIX))
                    .isEmpty();
        }
    }

    @Test
    void dropsTheIndexMapWithTheIndex() {
        withStore(IdLookupH2Backend::new, jobs -> {
            insertJobs(jobs, ids());
            jobs.dropIndex("url_1");
            jobs.insertOne(new Document("url", "http://example.com/0"));
        });

        try (MVStore store = MVStore.open(dir.resolve("store.mv").toString())) {
            assertThat(store.getMapNames()).noneMatch(name -> name.contains("url_1"));
        }
    }

    private static ObjectId[] ids() {
        return IntStream.range(0, JOBS).mapToObj(i -> new ObjectId()).toArray(ObjectId[]::new);
    }

    private static void insertJobs(MongoCollection<Document> jobs, ObjectId[] ids) {
        jobs.createIndex(Indexes.ascending("url"), new IndexOptions().unique(true));
        for (int i = 0; i < ids.length; i++) {
            jobs.insertOne(new Document("_id", ids[i]).append("url", "http://example.com/" + i));
        }
    }

    private static void assertIndexesAnswer(MongoCollection<Document> jobs, ObjectId[] ids) {
        for (int i = 0; i < ids.length; i += 97) {
            Document byId = jobs.find(Filters.eq("_id", ids[i])).first();
            assertThat(byId).isNotNull();
            assertThat(byId.getString("url")).isEqualTo("http://example.com/" + i);
            Document byUrl =
                    jobs.find(Filters.eq("url", "http://example.com/" + i)).first();
            assertThat(byUrl).isNotNull();
            assertThat(byUrl.getObjectId("_id")).isEqualTo(ids[i]);
        }
        assertThatThrownBy(() -> jobs.insertOne(new Document("_id", ids[5])))
                .isInstanceOf(MongoWriteException.class)
                .hasMessageContaining("duplicate key");
        assertThatThrownBy(() -> jobs.insertOne(new Document("url", "http://example.com/7")))
                .isInstanceOf(MongoWriteException.class)
                .hasMessageContaining("duplicate key");
    }

    private void withStore(Function<MVStore, MongoBackend> backend, Consumer<MongoCollection<Document>> use) {
        MVStore store = MVStore.open(dir.resolve("store.mv").toString());
        MongoServer server = new MongoServer(backend.apply(store));
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            use.accept(client.getDatabase("keys_test").getCollection("jobs"));
        } finally {
            server.shutdownNow();
            store.close();
        }
    }
}
