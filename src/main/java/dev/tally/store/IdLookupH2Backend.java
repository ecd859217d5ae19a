package dev.tally.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, its {@code _id} indexes answering Tally's conditional updates and the sweeper's
 * queries for jobs IN_PROGRESS ({@link IdLookupIndex}, {@link InProgressPositions}), its documents and index keys
 * kept without Java serialization ({@link BsonDocumentType}, {@link CompactKeyIndex}).
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
            Index<Object> index = CompactKeyIndex.open(
                    getMvStore(), legacyIndexMapName(collectionName, indexName), indexName, keys, sparse);
            if (ChunkLookupIndex.isChunkIndex(keys)) {
                return new ChunkLookupIndex(index, sparse);
            }
            if (!IdLookupIndex.isIdOnly(keys)) {
                return index;
            }
            return IdLookupIndex.over(index, sparse, dataMap(collectionName));
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            getMvStore()
                    .removeMap(legacyIndexMapName(collection.getCollectionName(), indexName) + CompactKeyIndex.SUFFIX);
        }

        // as H2Database names an index's map
        private String legacyIndexMapName(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        }

        /**
         * As H2Database opens it, but its documents kept as BSON ({@link BsonDocumentType}) and updated as copies
         * ({@link CopyOnUpdateCollection}).
         */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<String, Object> meta = getMvStore().openMap("meta." + namespace);
            return new CopyOnUpdateCollection(
                    this, collectionName, options, dataMap(collectionName), meta, getCursorRegistry());
        }

        // named as H2Database names it (InProgressPositionsTest reopens a file); the index and the collection open
        // the same map, so both must give the same value type
        private MVMap<Object, Document> dataMap(String collectionName) {
            return getMvStore()
                    .openMap(
                            "databases." + getFullCollectionNamespace(collectionName),
                            new MVMap.Builder<Object, Document>()
                                    .keyType(PositionType.INSTANCE)
                                    .valueType(BsonDocumentType.INSTANCE));
        }
    }
}
