package dev.tally.store;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;

/**
 * GridFS's unique index {files_id: 1, n: 1}, also answering the driver's download query
 * {@code {files_id: x, n: {$gte: k}}}: mongo-java-server uses an index only for a query on exactly its keys, so
 * every download of a word-count file read every chunk of every file. Here it looks the chunks up one n at a time
 * from k until one is missing (a file's chunks are numbered without gaps); the collection still checks the query.
 */
final class ChunkLookupIndex extends DelegatingIndex {

    private static final String FILE = "files_id";
    private static final String CHUNK = "n";

    ChunkLookupIndex(Index<Object> index, boolean sparse) {
        super(index, sparse);
    }

    static boolean isChunkIndex(List<IndexKey> keys) {
        return keys.size() == 2
                && FILE.equals(keys.get(0).getKey())
                && CHUNK.equals(keys.get(1).getKey());
    }

    @Override
    public boolean canHandle(Document query) {
        return index.canHandle(query) || firstChunk(query) >= 0;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        int first = firstChunk(query);
        if (first < 0) {
            return index.getPositions(query);
        }
        List<Object> positions = new ArrayList<>();
        for (int n = first; ; n++) {
            Object position = index.getPosition(new Document(FILE, query.get(FILE)).append(CHUNK, n));
            if (position == null) {
                return positions;
            }
            positions.add(position);
        }
    }

    /** k of {@code {files_id: <plain value>, n: {$gte: k}}}, or -1 for any other query. */
    private static int firstChunk(Document query) {
        Object file = query.get(FILE);
        boolean plainFile = file != null && !(file instanceof Document);
        if (query.size() != 2 || !plainFile) {
            return -1;
        }
        return query.get(CHUNK) instanceof Document chunk
                        && chunk.size() == 1
                        && chunk.get("$gte") instanceof Number first
                ? first.intValue()
                : -1;
    }
}
