package dev.tally.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code _id} index, also used for a query that names one {@code _id} among other fields. mongo-java-server
 * uses an index only for a query on exactly its keys, so each conditional update Tally makes
 * ({@code {_id: x, status: "IN_PROGRESS"}}) scanned and deserialized the whole collection: a job cost more the
 * more jobs were stored, and the store spent most of a drain in Java deserialization and full GCs
 * (bench/report.md). Fields are ANDed, so only the document with that {@code _id} can match; the collection
 * still checks the whole query against it.
 */
final class IdLookupIndex extends DelegatingIndex {

    private static final String ID = "_id";

    private final InProgressPositions inProgress;

    private IdLookupIndex(Index<Object> index, boolean sparse, InProgressPositions inProgress) {
        super(index, sparse);
        this.inProgress = inProgress;
    }

    /**
     * @param idIndex a collection's {@code _id} index ({@link #isIdOnly})
     * @param stored  the collection's documents by position, to find those IN_PROGRESS
     */
    static Index<Object> over(Index<Object> idIndex, boolean sparse, Map<Object, Document> stored) {
        return new IdLookupIndex(idIndex, sparse, InProgressPositions.of(stored));
    }

    static boolean isIdOnly(List<IndexKey> keys) {
        return keys.size() == 1 && ID.equals(keys.get(0).getKey());
    }

    /** {@code {_id: <plain value>}} out of a query naming more fields, if it names one. */
    static Optional<Document> idLookup(Document query) {
        if (query.size() < 2 || !query.containsKey(ID)) {
            return Optional.empty();
        }
        Object id = query.get(ID);
        boolean plain = id != null
                && !(id instanceof Document
                        || id instanceof Collection
                        || id instanceof Pattern
                        || id.getClass().isArray());
        return plain ? Optional.of(new Document(ID, id)) : Optional.empty();
    }

    @Override
    public boolean canHandle(Document query) {
        return index.canHandle(query) || idLookup(query).isPresent() || InProgressPositions.canHandle(query);
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        if (index.canHandle(query)) {
            return index.getPositions(query);
        }
        Optional<Document> byId = idLookup(query);
        return byId.isPresent() ? index.getPositions(byId.get()) : inProgress.positions(query);
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        index.add(document, position, collection);
        inProgress.added(document, position);
    }

    @Override
    public Object remove(Document document) {
        Object position = index.remove(document);
        inProgress.removed(position);
        return position;
    }

    @Override
    public void updateInPlace(
            Document oldDocument, Document newDocument, Object position, MongoCollection<Object> collection) {
        index.updateInPlace(oldDocument, newDocument, position, collection);
        inProgress.updated(newDocument, position);
    }

    @Override
    public void drop() {
        index.drop();
        inProgress.clear();
    }
}
