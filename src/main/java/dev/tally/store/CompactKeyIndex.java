package dev.tally.store;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A unique index as mongo-java-server's H2UniqueIndex keeps it, in a map of its own whose keys are
 * {@link IndexKeyType}s. A file written before keeps that index under the name without {@link #SUFFIX}; it is
 * copied over once, on first open, and removed.
 */
final class CompactKeyIndex extends AbstractUniqueIndex<Object> {

    static final String SUFFIX = ".compact-keys";

    private final MVMap<KeyValue, Object> positions;

    private CompactKeyIndex(MVMap<KeyValue, Object> positions, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.positions = positions;
    }

    /** @param legacyMapName the map mongo-java-server's H2 backend keeps this index in */
    static CompactKeyIndex open(MVStore store, String legacyMapName, String name, List<IndexKey> keys, boolean sparse) {
        MVMap<KeyValue, Object> positions = store.openMap(
                legacyMapName + SUFFIX,
                new MVMap.Builder<KeyValue, Object>()
                        .keyType(IndexKeyType.INSTANCE)
                        .valueType(PositionType.INSTANCE));
        if (store.hasMap(legacyMapName)) {
            MVMap<KeyValue, Object> legacy = store.openMap(legacyMapName);
            for (Map.Entry<KeyValue, Object> entry : legacy.entrySet()) {
                positions.putIfAbsent(entry.getKey(), entry.getValue());
            }
            store.removeMap(legacy);
        }
        return new CompactKeyIndex(positions, name, keys, sparse);
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return positions.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return positions.putIfAbsent(key, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return positions.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return positions.get(key);
    }

    @Override
    public long getCount() {
        return positions.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return positions.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
