package dev.tally.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * An H2 collection whose updates change a copy of the stored document. mongo-java-server updates the document it
 * read in place (removes and puts on its keys) before it stores it again, and the document H2 hands out is the one
 * its pages hold: H2's background writer, serializing that page meanwhile, failed with a
 * ConcurrentModificationException and closed the store (bench/limits.md, session 13). Reads still get the stored
 * document, uncopied; an update copies only the documents its query matched (all but one sorted by {@code
 * $natural} descending, which Tally never asks for).
 */
final class CopyOnUpdateCollection extends H2Collection {

    private final MVMap<Object, Document> documents;
    // every operation of the collection holds its lock (AbstractSynchronizedMongoCollection)
    private boolean updating;

    CopyOnUpdateCollection(
            MongoDatabase database,
            String collectionName,
            CollectionOptions options,
            MVMap<Object, Document> dataMap,
            MVMap<String, Object> meta,
            CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, meta, cursorRegistry);
        this.documents = dataMap;
    }

    @Override
    public synchronized Document updateDocuments(
            Document selector,
            Document update,
            ArrayFilters arrayFilters,
            boolean isMulti,
            boolean isUpsert,
            Oplog oplog) {
        updating = true;
        try {
            return super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog);
        } finally {
            updating = false;
        }
    }

    @Override
    public synchronized Document findAndModify(Document query) {
        updating = true;
        try {
            return super.findAndModify(query);
        } finally {
            updating = false;
        }
    }

    /** A query no index answers, by a scan: during an update, the matched documents copied. */
    @Override
    protected QueryResult matchDocuments(
            Document query, Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        if (!updating || isNaturalDescending(orderBy)) {
            return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        Stream<Document> matched = documents.values().stream()
                .filter(document -> documentMatchesQuery(document, query))
                .map(Document::cloneDeeply);
        return matchDocumentsFromStream(matched, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    @Override
    protected Document getDocument(Object position) {
        Document stored = super.getDocument(position);
        return updating && stored != null ? stored.cloneDeeply() : stored;
    }
}
