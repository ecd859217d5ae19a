package dev.tally.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import dev.tally.job.JobStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a collection's documents with {@code status: "IN_PROGRESS"} are, kept in memory beside its {@code _id}
 * index ({@link IdLookupIndex}). mongo-java-server keeps no index but unique ones, so the sweeper's queries
 * ({@code {status: "IN_PROGRESS", updated_at: {$lt: ...}}}, every minute in every Tally process) read and
 * deserialized every job ever stored, under the collection's lock: seconds with tens of thousands of jobs, a
 * sweeper timing out and every other request waiting behind it (bench/limits.md). With these positions they read
 * only the open jobs. Built from the stored documents when the store opens.
 */
final class InProgressPositions {

    static final String FIELD = "status";
    static final String VALUE = JobStatus.IN_PROGRESS.name();

    private final Set<Object> positions = ConcurrentHashMap.newKeySet();

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
     * A copy (the collection reads it while its updates change the set), narrowed to the ids below the query's
     * {@code _id: {$lt: <ObjectId>}} when it names one: an id holds its job's creation time, so the sweeper's
     * queries ask only for jobs created before their cutoff and skip the open jobs of the last minutes unread
     * (make bench queues tens of thousands). Positions of other types are left to the collection to check.
     */
    Iterable<Object> positions(Document query) {
        ObjectId below = idBelow(query);
        if (below == null) {
            return List.copyOf(positions);
        }
        List<Object> older = new ArrayList<>();
        for (Object position : positions) {
            if (!(position instanceof ObjectId id) || id.compareTo(below) < 0) {
                older.add(position);
            }
        }
        return older;
    }

    private static ObjectId idBelow(Document query) {
        return query.get("_id") instanceof Document id && id.size() == 1 && id.get("$lt") instanceof ObjectId below
                ? below
                : null;
    }

    void added(Document document, Object position) {
        if (isOpen(document)) {
            positions.add(position);
        }
    }

    void updated(Document newDocument, Object position) {
        if (isOpen(newDocument)) {
            positions.add(position);
        } else {
            positions.remove(position);
        }
    }

    void removed(Object position) {
        if (position != null) {
            positions.remove(position);
        }
    }

    void clear() {
        positions.clear();
    }

    int size() {
        return positions.size();
    }

    private static boolean isOpen(Document document) {
        return VALUE.equals(document.get(FIELD));
    }
}
