package dev.tally.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An update never changes the document H2's pages hold, which H2's background writer may be serializing: it stores
 * a changed copy. Before, the worker's update of a finished job added keys to the stored document while the writer
 * iterated them, and the store closed.
 */
class CopyOnUpdateCollectionTest {

    private final MVStore store = MVStore.open(null); // H2 in memory: its map holds the documents themselves
    private MongoServer server;
    private MongoClient client;
    private com.mongodb.client.MongoCollection<Document> jobs;
    // an ObjectId, as a job's: the _id index answers the update, as it does Tally's
    private final ObjectId job = new ObjectId();

    @BeforeEach
    void start() {
        server = new MongoServer(new IdLookupH2Backend(store));
        client = MongoClients.create(
                "mongodb://" + server.bindAndGetConnectionString().substring("mongodb://".length()));
        jobs = client.getDatabase("copy_test").getCollection("jobs");
        jobs.insertOne(new Document("_id", job).append("status", "IN_PROGRESS"));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
        store.close();
    }

    @Test
    void anUpdateStoresACopyAndLeavesTheStoredDocumentAsItWas() {
        de.bwaldvogel.mongo.bson.Document before = stored();

        jobs.updateOne(
                Filters.and(Filters.eq("_id", job), Filters.eq("status", "IN_PROGRESS")),
                Updates.combine(Updates.set("status", "COMPLETE"), Updates.set("total_words", 3)));

        assertThat(before.keySet()).containsExactly("_id", "status");
        assertThat(before.get("status")).isEqualTo("IN_PROGRESS");
        assertThat(stored()).isNotSameAs(before);
        assertThat(stored().get("total_words")).isEqualTo(3);
        assertThat(jobs.find().first()).containsEntry("status", "COMPLETE").containsEntry("total_words", 3);
    }

    @Test
    void anUpdateTheIdIndexAnswersStoresACopyToo() {
        de.bwaldvogel.mongo.bson.Document before = stored();

        // the worker's conditional update, as JobResults writes it: one document, no $and
        jobs.updateOne(new Document("_id", job).append("status", "IN_PROGRESS"), Updates.set("total_words", 3));

        assertThat(before.keySet()).containsExactly("_id", "status");
        assertThat(stored().get("total_words")).isEqualTo(3);
    }

    @Test
    void findAndModifyStoresACopyToo() {
        de.bwaldvogel.mongo.bson.Document before = stored();

        jobs.findOneAndUpdate(Filters.eq("_id", job), Updates.unset("status"));

        assertThat(before.keySet()).containsExactly("_id", "status");
        assertThat(stored().keySet()).containsExactly("_id");
    }

    @Test
    void readsAndUpdatesOfOtherDocumentsAreUnchanged() {
        ObjectId a = new ObjectId();
        ObjectId b = new ObjectId();
        jobs.insertMany(List.of(new Document("_id", a).append("n", 1), new Document("_id", b).append("n", 2)));
        jobs.updateMany(Filters.in("_id", a, b), Updates.inc("n", 10));

        assertThat(jobs.find(Filters.eq("_id", a)).first()).containsEntry("n", 11);
        assertThat(jobs.find(Filters.eq("_id", b)).first()).containsEntry("n", 12);
    }

    /** The one job's document as H2's map holds it. */
    private de.bwaldvogel.mongo.bson.Document stored() {
        MVMap<Object, de.bwaldvogel.mongo.bson.Document> documents =
                store.openMap("databases.copy_test.jobs", new MVMap.Builder<>());
        assertThat(documents).hasSize(1);
        return documents.values().iterator().next();
    }
}
