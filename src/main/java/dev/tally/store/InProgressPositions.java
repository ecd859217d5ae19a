package dev.tally.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import dev.tally.job.JobStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * Where a collection's documents with {@code status: "IN_PROGRESS"} are, and when each was created, kept in memory
 * beside its {@code _id} index ({@link IdLookupIndex}). mongo-java-server keeps no index but unique ones, so the
 * sweeper's queries ({@code {status: "IN_PROGRESS", created_at: {$lt: ...}, ...}}, every minute in every Tally
 * process) read and deserialized every job ever stored, under the collection's lock: seconds with tens of thousands
 * of jobs, a sweeper timing out and every other request waiting behind it (bench/limits.md). With these positions
 * they read only the open jobs created before their cutoff, as MongoDB's {status, created_at} index would. Built
 * from the stored documents when the store opens.
 */
final class InProgressPositions {

    static final String FIELD = "status";
    static final String VALUE = JobStatus.IN_PROGRESS.name();
    static final String CREATED_AT = "created_at";

    /** A document without a date in created_at: kept by every narrowing, the collection checks the query on it. */
    private static final long CREATED_UNKNOWN = Long.MIN_VALUE;

    // position -> created_at in epoch milliseconds: the jobs collection's positions are ObjectIds (its _id), kept
    // compactly; any other kind of position in a map. Guarded by this: the store's connections update it at once.
    private final ObjectIdTimes createdAtById = new ObjectIdTimes();
    private final Map<Object, Long> createdAt = new HashMap<>();

    /** @param stored the collection's documents by position (H2's data map: a position is its key) */
    static InProgressPositions of(Map<Object, Document> stored) {
        InProgressPositions open = new InProgressPositions();
        stored.forEach((position, document) -> open.added(document, position));
        return open;
    }

    /** A query naming {@code status: "IN_PROGRESS"} as a plain value (other fields are checked by the collection). */
    static boolean canHandle(Document query) {
        return VALUE.equals(query.get(FIELD));
    }

    /**
     * A copy (the collection reads it while its updates change the map), narrowed to the jobs created before the
     * query's {@code created_at: {$lt: <date>}} when it names one, so the sweeper's queries skip the open jobs of
     * the last minutes unread (make bench queues tens of thousands).
     */
    synchronized Iterable<Object> positions(Document query) {
        Long below = createdBelow(query);
        LongPredicate kept = below == null ? created -> true : created -> created < below;
        List<Object> older = new ArrayList<>();
        createdAt.forEach((position, created) -> {
            if (kept.test(created)) {
                older.add(position);
            }
        });
        createdAtById.forEach((high, low, created) -> {
            if (kept.test(created)) {
                older.add(ObjectIdTimes.objectId(high, low));
            }
        });
        return older;
    }

    private static Long createdBelow(Document query) {
        if (query.get(CREATED_AT) instanceof Document range && range.size() == 1) {
            long below = millis(range.get("$lt"));
            return below == CREATED_UNKNOWN ? null : below;
        }
        return null;
    }

    /** The wire server decodes a BSON date as an Instant. */
    private static long millis(Object date) {
        if (date instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        return date instanceof Date legacy ? legacy.getTime() : CREATED_UNKNOWN;
    }

    synchronized void added(Document document, Object position) {
        if (isOpen(document)) {
            put(position, millis(document.get(CREATED_AT)));
        }
    }

    synchronized void updated(Document newDocument, Object position) {
        if (isOpen(newDocument)) {
            put(position, millis(newDocument.get(CREATED_AT)));
        } else {
            removed(position);
        }
    }

    synchronized void removed(Object position) {
        if (position instanceof ObjectId id) {
            createdAtById.remove(id);
        } else if (position != null) {
            createdAt.remove(position);
        }
    }

    synchronized void clear() {
        createdAtById.clear();
        createdAt.clear();
    }

    synchronized int size() {
        return createdAtById.size() + createdAt.size();
    }

    private void put(Object position, long created) {
        if (position instanceof ObjectId id) {
            createdAtById.put(id, created);
        } else {
            createdAt.put(position, created);
        }
    }

    private static boolean isOpen(Document document) {
        return VALUE.equals(document.get(FIELD));
    }
}
