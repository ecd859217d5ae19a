package dev.tally.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.Index;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
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
    void narrowsToTheJobsCreatedBeforeTheQuerysBound() {
        Instant cutoff = Instant.parse("2026-11-28T12:00:00Z");
        InProgressPositions open = InProgressPositions.of(Map.of(
                "older", job("IN_PROGRESS", cutoff.minusMillis(1)),
                "atCutoff", job("IN_PROGRESS", cutoff),
                "newer", job("IN_PROGRESS", cutoff.plusSeconds(60)),
                "noDate", job("IN_PROGRESS")));
        var createdBefore = new de.bwaldvogel.mongo.bson.Document("status", "IN_PROGRESS")
                .append("created_at", new de.bwaldvogel.mongo.bson.Document("$lt", cutoff));

        assertThat(open.positions(createdBefore))
                .as("a job without a creation date is left to the collection to check")
                .containsExactlyInAnyOrder("older", "noDate");
        assertThat(open.positions(OPEN_QUERY)).containsExactlyInAnyOrder("older", "atCutoff", "newer", "noDate");
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
    void findsTheOpenJobsAndWhenEachWasCreatedAgainAfterARestartOnTheSameFile() {
        Date cutoff = new Date();
        ObjectId open = new ObjectId();
        ObjectId openRecent = new ObjectId();
        ObjectId completed = new ObjectId();
        ObjectId removed = new ObjectId();
        withStore(jobs -> {
            for (ObjectId id : List.of(open, completed, removed)) {
                jobs.insertOne(new Document("_id", id)
                        .append("status", "IN_PROGRESS")
                        .append("created_at", new Date(cutoff.getTime() - 60_000)));
            }
            jobs.insertOne(new Document("_id", openRecent)
                    .append("status", "IN_PROGRESS")
                    .append("created_at", new Date(cutoff.getTime() + 1)));
            jobs.updateOne(Filters.eq("_id", completed), Updates.set("status", "COMPLETE"));
            jobs.deleteOne(Filters.eq("_id", removed));
            assertThat(ids(jobs, cutoff)).containsExactly(open);
        });

        withStore(jobs -> {
            assertThat(ids(jobs, cutoff)).as("rebuilt from the file").containsExactly(open);
            assertThat(jobs.countDocuments(new Document("status", "IN_PROGRESS")))
                    .isEqualTo(2);
        });
    }

    @Test
    void findsOpenJobsByCreationTimeWhateverTheirIdsSay() {
        Date cutoff = new Date();
        // ids made after the cutoff for a job created before it, and the other way round
        ObjectId createdBefore = new ObjectId(new Date(cutoff.getTime() + 3_600_000));
        ObjectId createdAfter = new ObjectId(new Date(cutoff.getTime() - 3_600_000));
        withStore(jobs -> {
            jobs.insertMany(List.of(
                    new Document("_id", createdBefore)
                            .append("status", "IN_PROGRESS")
                            .append("created_at", new Date(cutoff.getTime() - 1)),
                    new Document("_id", createdAfter)
                            .append("status", "IN_PROGRESS")
                            .append("created_at", new Date(cutoff.getTime() + 1))));

            assertThat(ids(jobs, cutoff)).containsExactly(createdBefore);
        });
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

    /** The sweeper's query: open jobs created before the cutoff, as one flat document. */
    private static List<ObjectId> ids(com.mongodb.client.MongoCollection<Document> jobs, Date cutoff) {
        return jobs.find(new Document("status", "IN_PROGRESS").append("created_at", new Document("$lt", cutoff)))
                .map(job -> job.getObjectId("_id"))
                .into(new ArrayList<>());
    }

    private static de.bwaldvogel.mongo.bson.Document job(String status) {
        return new de.bwaldvogel.mongo.bson.Document("status", status).append("updated_at", 1);
    }

    private static de.bwaldvogel.mongo.bson.Document job(String status, Instant createdAt) {
        return job(status).append("created_at", createdAt);
    }
}
