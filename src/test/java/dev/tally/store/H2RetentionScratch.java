package dev.tally.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.file.Files;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/** How much heap H2 keeps while large documents are written, by page cache size: java -Dcache=MB ... (see EmbeddedMongoServer). */
public class H2RetentionScratch {
    @SuppressWarnings("PMD.DoNotCallGarbageCollectionExplicitly") // to measure the heap a store keeps
    public static void main(String[] args) throws Exception {
        var file = Files.createTempFile("h2", ".mv");
        Files.delete(file);
        MVStore store = new MVStore.Builder()
                .fileName(file.toString())
                .cacheSize(Integer.getInteger("cache", 4))
                .open();
        MVMap<Object, Document> map = store.openMap(
                "databases.x.jobs", new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
        Runtime rt = Runtime.getRuntime();
        for (int n = 1; n <= 400; n++) {
            Document wc = new Document();
            for (int i = 0; i < 15000; i++) wc.put("w" + i + "x" + n, i);
            ObjectId id = new ObjectId();
            map.put(id, new Document("_id", id).append("status", "IN_PROGRESS"));
            Document done = new Document("_id", id).append("status", "COMPLETE").append("word_count", wc);
            map.put(id, done);
            if (n % 50 == 0) {
                Thread.sleep(1500);
                System.gc();
                System.out.printf(
                        "%d docs: used %.1f MB, unsaved %d%n",
                        n, (rt.totalMemory() - rt.freeMemory()) / 1e6, store.getUnsavedMemory());
            }
        }
        store.close();
    }
}
