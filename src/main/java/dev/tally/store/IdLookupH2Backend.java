package dev.tally.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, its {@code _id} indexes answering Tally's conditional updates and the sweeper's
 * queries for jobs IN_PROGRESS ({@link IdLookupIndex}, {@link InProgressPositions}).
 */
final class IdLookupH2Backend extends H2Backend {

    IdLookupH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    // An inner class: H2Database's constructor opens the existing collections' indexes, before a field of this
    // class could be set, and the store comes from the enclosing backend instead.
    private final class Database extends H2Database {

        Database(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry) {
            super(databaseName, mvStore, cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            Index<Object> index = super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
            if (!IdLookupIndex.isIdOnly(keys)) {
                return index;
            }
            // the collection's data map, named as H2Database names it (InProgressPositionsTest reopens a file)
            Map<Object, Document> stored =
                    getMvStore().openMap("databases." + getFullCollectionNamespace(collectionName));
            return IdLookupIndex.over(index, sparse, stored);
        }
    }
}
