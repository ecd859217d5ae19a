package dev.tally.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.file.Files;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Eight writers completing jobs of 15,000-field word counts in the embedded store's H2, as a drain does: time and
 * heap per 200 jobs. {@code -Djava=true} for H2's default Java serialization instead of {@link BsonDocumentType};
 * {@code -DcacheMb=}, {@code -DautoCommitKb=} for H2's page cache and write buffer
 * (bench/limits.md has the figures). Run with the test classpath, e.g. {@code java -Xmx1g -XX:+UseSerialGC}.
 */
public final class H2ConcurrentWritesScratch {

    private H2ConcurrentWritesScratch() {}

    @SuppressWarnings("PMD.DoNotCallGarbageCollectionExplicitly") // to measure the heap a store keeps
    public static void main(String[] args) throws Exception {
        var file = Files.createTempFile("h2-writes", ".mv");
        Files.delete(file);
        MVStore.Builder builder = new MVStore.Builder()
                .fileName(file.toString())
                .cacheSize(Integer.getInteger("cacheMb", EmbeddedMongoServer.DEFAULT_CACHE_MEGABYTES));
        Integer commitKb = Integer.getInteger("autoCommitKb");
        MVStore store = (commitKb == null ? builder : builder.autoCommitBufferSize(commitKb)).open();
        MVMap<Object, Document> jobs = Boolean.getBoolean("java")
                ? store.openMap("databases.x.jobs")
                : store.openMap(
                        "databases.x.jobs", new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
        Runtime runtime = Runtime.getRuntime();
        ExecutorService writers = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        for (int round = 1; round <= 4; round++) {
            CountDownLatch done = new CountDownLatch(200);
            for (int job = 0; job < 200; job++) {
                writers.submit(() -> {
                    complete(jobs);
                    done.countDown();
                });
            }
            done.await();
            System.gc();
            System.out.printf(
                    "%d jobs in %.1f s: heap %.1f MB%n",
                    round * 200,
                    (System.nanoTime() - start) / 1e9,
                    (runtime.totalMemory() - runtime.freeMemory()) / 1e6);
        }
        writers.shutdown();
        store.close();
    }

    private static void complete(MVMap<Object, Document> jobs) {
        Document wordCount = new Document();
        for (int i = 0; i < 15_000; i++) {
            wordCount.put("w" + i + "x" + ThreadLocalRandom.current().nextInt(), i);
        }
        ObjectId id = new ObjectId();
        jobs.put(id, new Document("_id", id).append("status", "IN_PROGRESS"));
        jobs.put(id, new Document("_id", id).append("status", "COMPLETE").append("word_count", wordCount));
    }
}
