package dev.tally.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.Index;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweeper's queries for jobs IN_PROGRESS read the open jobs only, and find the same jobs a scan would. */
class InProgressPositionsTest {

    private static final de.bwaldvogel.mongo.bson.Document OPEN_QUERY = new de.bwaldvogel.mongo.bson.Document(
                    "status", "IN_PROGRESS")
            .append("updated_at", new de.bwaldvogel.mongo.bson.Document("$lt", 5));

    @TempDir
    Path dir;

    @Test
    void answersAQueryForOpenJobsWithTheOpenJobsOnly() {
        Map<Object, de.bwaldvogel.mongo.bson.Document> stored = Map.of(
                "a", job("IN_PROGRESS"),
                "b", job("COMPLETE"),
                "c", job("FAIL"),
                "d", job("IN_PROGRESS"));
        Index<Object> index = IdLookupIndex.over(new IdLookupIndexTest.ExactKeysIndex(), false, stored);

        assertThat(index.canHandle(OPEN_QUERY)).isTrue();
        assertThat(index.getPositions(OPEN_QUERY)).containsExactlyInAnyOrder("a", "d");
        assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("status", "COMPLETE")))
                .as("only IN_PROGRESS is kept")
                .isFalse();
    }

    @Test
    void narrowsToTheIdsBelowTheQuerysBound() {
        var older = new de.bwaldvogel.mongo.bson.ObjectId("6b0a00000000000000000000");
        var newer = new de.bwaldvogel.mongo.bson.ObjectId("6b0b00000000000000000000");
        InProgressPositions open = InProgressPositions.of(Map.of(older, job("IN_PROGRESS"), newer, job("IN_PROGRESS")));
        var createdBefore = new de.bwaldvogel.mongo.bson.Document("status", "IN_PROGRESS")
                .append(
                        "_id",
                        new de.bwaldvogel.mongo.bson.Document(
                                "$lt", new de.bwaldvogel.mongo.bson.ObjectId("6b0b00000000000000000000")));

        assertThat(open.positions(createdBefore)).containsExactly(older);
        assertThat(open.positions(OPEN_QUERY)).containsExactlyInAnyOrder(older, newer);
    }

    @Test
    void followsInsertsUpdatesAndDeletes() {
        InProgressPositions open = InProgressPositions.of(Map.of());
        open.added(job("IN_PROGRESS"), 1);
        open.added(job("IN_PROGRESS"), 2);
        open.added(job("COMPLETE"), 3);
        open.updated(job("COMPLETE"), 1);
        open.updated(job("IN_PROGRESS"), 3); // a dead letter replayed: open again
        open.removed(2);

        assertThat(open.positions(OPEN_QUERY)).containsExactlyInAnyOrder(3);
    }

    @Test
    void findsTheOpenJobsAgainAfterARestartOnTheSameFile() {
        ObjectId open = new ObjectId();
        ObjectId completed = new ObjectId();
        ObjectId removed = new ObjectId();
        withStore(jobs -> {
            for (ObjectId id : List.of(open, completed, removed)) {
                jobs.insertOne(new Document("_id", id).append("status", "IN_PROGRESS"));
            }
            jobs.updateOne(Filters.eq("_id", completed), Updates.set("status", "COMPLETE"));
            jobs.deleteOne(Filters.eq("_id", removed));
            assertThat(ids(jobs)).containsExactly(open);
        });

        withStore(jobs -> assertThat(ids(jobs)).as("rebuilt from the file").containsExactly(open));
    }

    private void withStore(java.util.function.Consumer<com.mongodb.client.MongoCollection<Document>> use) {
        MVStore store = MVStore.open(dir.resolve("store.mv").toString());
        MongoServer server = new MongoServer(new IdLookupH2Backend(store));
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            use.accept(client.getDatabase("positions_test").getCollection("jobs"));
        } finally {
            server.shutdownNow();
            store.close();
        }
    }

    private static List<ObjectId> ids(com.mongodb.client.MongoCollection<Document> jobs) {
        return jobs.find(new Document("status", "IN_PROGRESS"))
                .map(job -> job.getObjectId("_id"))
                .into(new ArrayList<>());
    }

    private static de.bwaldvogel.mongo.bson.Document job(String status) {
        return new de.bwaldvogel.mongo.bson.Document("status", status).append("updated_at", 1);
    }
}
