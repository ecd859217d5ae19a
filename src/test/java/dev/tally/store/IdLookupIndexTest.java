package dev.tally.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store's _id index serves Tally's conditional updates ({_id, status}) and the sweeper's queries as a scan would. */
class IdLookupIndexTest {

    private MongoServer server;
    private MongoClient client;
    private com.mongodb.client.MongoCollection<Document> jobs;

    @BeforeEach
    void start() {
        server = new MongoServer(new IdLookupH2Backend(MVStore.open(null))); // null: H2 in memory
        client = MongoClients.create(
                "mongodb://" + server.bindAndGetConnectionString().substring("mongodb://".length()));
        jobs = client.getDatabase("index_test").getCollection("jobs");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void narrowsAQueryNamingOnePlainIdToThatId() {
        var id = new de.bwaldvogel.mongo.bson.ObjectId();
        var query = new de.bwaldvogel.mongo.bson.Document("_id", id).append("status", "IN_PROGRESS");
        assertThat(IdLookupIndex.idLookup(query)).contains(new de.bwaldvogel.mongo.bson.Document("_id", id));
    }

    @Test
    void answersAConditionalUpdateFromTheIdIndexInsteadOfAScan() {
        var id = new de.bwaldvogel.mongo.bson.ObjectId();
        Index<Object> idIndex = new ExactKeysIndex();
        Index<Object> index = IdLookupIndex.over(idIndex, false, Map.of());
        var conditional = new de.bwaldvogel.mongo.bson.Document("_id", id).append("status", "IN_PROGRESS");

        assertThat(idIndex.canHandle(conditional))
                .as("mongo-java-server's own index would scan")
                .isFalse();
        assertThat(index.canHandle(conditional)).isTrue();
        assertThat(index.getPositions(conditional)).containsExactly(id);
    }

    @Test
    void leavesOtherQueriesToTheIndexOrAScan() {
        assertThat(IdLookupIndex.idLookup(new de.bwaldvogel.mongo.bson.Document("_id", "a")))
                .isEmpty();
        assertThat(IdLookupIndex.idLookup(new de.bwaldvogel.mongo.bson.Document("status", "x").append("n", 1)))
                .isEmpty();
        assertThat(IdLookupIndex.idLookup(new de.bwaldvogel.mongo.bson.Document(
                                "_id", new de.bwaldvogel.mongo.bson.Document("$in", List.of("a")))
                        .append("status", "x")))
                .isEmpty();
        assertThat(IdLookupIndex.idLookup(
                        new de.bwaldvogel.mongo.bson.Document("_id", Pattern.compile("a")).append("status", "x")))
                .isEmpty();
    }

    @Test
    void answersTheSweepersQueryFromTheOpenJobsCreatedBeforeItsCutoff() {
        Instant cutoff = Instant.parse("2026-11-28T12:00:00Z");
        var stale = new de.bwaldvogel.mongo.bson.ObjectId();
        var recent = new de.bwaldvogel.mongo.bson.ObjectId();
        var done = new de.bwaldvogel.mongo.bson.ObjectId();
        Map<Object, de.bwaldvogel.mongo.bson.Document> stored = Map.of(
                stale, job("IN_PROGRESS", cutoff.minusSeconds(60)),
                recent, job("IN_PROGRESS", cutoff.plusSeconds(60)),
                done, job("COMPLETE", cutoff.minusSeconds(60)));
        Index<Object> index = IdLookupIndex.over(new ExactKeysIndex(), false, stored);
        var sweeperQuery = new de.bwaldvogel.mongo.bson.Document("status", "IN_PROGRESS")
                .append("created_at", new de.bwaldvogel.mongo.bson.Document("$lt", cutoff))
                .append("swept_at", new de.bwaldvogel.mongo.bson.Document("$exists", false));

        assertThat(index.canHandle(sweeperQuery)).isTrue();
        assertThat(index.getPositions(sweeperQuery)).containsExactly(stale);
    }

    private static de.bwaldvogel.mongo.bson.Document job(String status, Instant createdAt) {
        return new de.bwaldvogel.mongo.bson.Document("status", status).append("created_at", createdAt);
    }

    /** Like mongo-java-server's unique index: handles a query on exactly its key; a position is the id itself. */
    static final class ExactKeysIndex extends Index<Object> {
        ExactKeysIndex() {
            super("_id_", List.of(new IndexKey("_id", true)), false);
        }

        @Override
        public boolean canHandle(de.bwaldvogel.mongo.bson.Document query) {
            return query.keySet().equals(Set.of("_id"));
        }

        @Override
        public Iterable<Object> getPositions(de.bwaldvogel.mongo.bson.Document query) {
            return List.of(query.get("_id"));
        }

        // the rest is not used by these tests
        @Override
        public Object getPosition(de.bwaldvogel.mongo.bson.Document document) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void checkAdd(de.bwaldvogel.mongo.bson.Document document, MongoCollection<Object> collection) {}

        @Override
        public void add(de.bwaldvogel.mongo.bson.Document document, Object position, MongoCollection<Object> c) {}

        @Override
        public Object remove(de.bwaldvogel.mongo.bson.Document document) {
            return null;
        }

        @Override
        public long getCount() {
            return 0;
        }

        @Override
        public long getDataSize() {
            return 0;
        }

        @Override
        public void checkUpdate(
                de.bwaldvogel.mongo.bson.Document old,
                de.bwaldvogel.mongo.bson.Document updated,
                MongoCollection<Object> collection) {}

        @Override
        public void updateInPlace(
                de.bwaldvogel.mongo.bson.Document old,
                de.bwaldvogel.mongo.bson.Document updated,
                Object position,
                MongoCollection<Object> collection) {}

        @Override
        public void drop() {}
    }

    @Test
    void conditionalUpdatesMatchOnlyTheirJobInItsState() {
        ObjectId first = new ObjectId();
        ObjectId second = new ObjectId();
        jobs.insertMany(List.of(
                new Document("_id", first).append("status", "IN_PROGRESS"),
                new Document("_id", second).append("status", "IN_PROGRESS")));

        var complete = Updates.set("status", "COMPLETE");
        assertThat(jobs.updateOne(Filters.and(Filters.eq("_id", second), Filters.eq("status", "IN_PROGRESS")), complete)
                        .getModifiedCount())
                .isEqualTo(1);
        assertThat(jobs.updateOne(Filters.and(Filters.eq("_id", second), Filters.eq("status", "IN_PROGRESS")), complete)
                        .getModifiedCount())
                .as("no longer IN_PROGRESS")
                .isZero();
        assertThat(jobs.updateOne(
                                Filters.and(Filters.eq("_id", new ObjectId()), Filters.eq("status", "IN_PROGRESS")),
                                complete)
                        .getModifiedCount())
                .as("unknown id")
                .isZero();
        assertThat(jobs.find(Filters.eq("_id", first)).first().getString("status"))
                .isEqualTo("IN_PROGRESS");
        assertThat(jobs.find(Filters.and(Filters.in("_id", first, second), Filters.eq("status", "IN_PROGRESS")))
                        .into(new java.util.ArrayList<>()))
                .extracting(job -> job.getObjectId("_id"))
                .containsExactly(first);
    }
}
