package dev.tally.web;

import com.mongodb.client.MongoCollection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;

/**
 * Jobs stored directly, so the listing's order is known in advance: statuses in turn, COMPLETE ones with every
 * histogram field a stored job may hold, ids shuffled against creation times (an order by _id alone shows), and five
 * jobs created in the same millisecond (only the _id tiebreak orders them).
 */
final class ListingFixtures {

    record Job(ObjectId id, String status, Instant createdAt) {
        String hex() {
            return id.toHexString();
        }
    }

    static final int TIED_FROM = 15;
    static final int TIED_TO = 19;

    private final List<Job> newestFirst;

    private ListingFixtures(List<Job> newestFirst) {
        this.newestFirst = newestFirst;
    }

    static ListingFixtures insert(MongoCollection<Document> jobs, int count) {
        List<ObjectId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(new ObjectId());
        }
        Collections.shuffle(ids, new Random(count));
        // minutes ago: recent, and older than any job a test submits
        Instant base = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        List<Job> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int second = i >= TIED_FROM && i <= TIED_TO ? TIED_FROM : i;
            String status = List.of("COMPLETE", "FAIL", "IN_PROGRESS").get(i % 3);
            Job job = new Job(ids.get(i), status, base.plusSeconds(second));
            jobs.insertOne(document(job, i));
            created.add(job);
        }
        created.sort(Comparator.comparing(Job::createdAt).thenComparing(Job::id).reversed());
        return new ListingFixtures(List.copyOf(created));
    }

    private static Document document(Job job, int n) {
        Date created = Date.from(job.createdAt());
        Document document = new Document("_id", job.id())
                .append("url", url(job))
                .append("status", job.status())
                .append("created_at", created)
                .append("updated_at", Date.from(job.createdAt().plusMillis(500)));
        if ("COMPLETE".equals(job.status())) {
            document.append("total_words", 3 + n)
                    .append("distinct_words", 2 + n)
                    .append("top_words", List.of(new Document("word", "the").append("count", 2)));
            document.append(
                    n % 2 == 0 ? "word_count" : "word_count_file",
                    n % 2 == 0
                            ? new Binary("{\"the\":2}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                            : new ObjectId());
        } else if ("FAIL".equals(job.status())) {
            document.append("error", "HTTP 404 fetching " + url(job));
        }
        return document;
    }

    static String url(Job job) {
        return "http://listing.test/" + job.hex();
    }

    List<Job> newestFirst() {
        return newestFirst;
    }

    List<String> idsNewestFirst(String status) {
        return newestFirst.stream()
                .filter(job -> status == null || job.status().equals(status))
                .map(Job::hex)
                .toList();
    }

    Job byId(String hex) {
        return newestFirst.stream()
                .filter(job -> job.hex().equals(hex))
                .findFirst()
                .orElseThrow();
    }
}
