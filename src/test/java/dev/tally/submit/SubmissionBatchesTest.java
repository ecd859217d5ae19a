package dev.tally.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How jobs are grouped into batches and how a batch's outcome reaches its POSTs, with a scripted commit: the route
 * behind the real one is tested through the API by GroupCommitIT.
 */
class SubmissionBatchesTest {

    private final List<List<String>> batches = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstBatchEntered = new CountDownLatch(1);
    private final CountDownLatch releaseFirstBatch = new CountDownLatch(1);
    private final ExecutorService posts = Executors.newCachedThreadPool();
    private SubmissionBatches submissions;

    @AfterEach
    void stop() throws InterruptedException {
        posts.shutdownNow();
        if (submissions != null) {
            submissions.close();
        }
    }

    @Test
    void aJobArrivingAloneIsCommittedAlone() throws Exception {
        submissions = batchesOf(8, 1_000_000);
        releaseFirstBatch.countDown();

        submissions.commit(job("a"));
        submissions.commit(job("b"));

        assertThat(batches).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void jobsThatWaitedMeanwhileShareBatchesOfAtMostMaxJobs() throws Exception {
        submissions = batchesOf(4, 50_000);
        Future<?> first = post("first");
        firstBatchEntered.await(5, TimeUnit.SECONDS);
        List<Future<?>> waiting = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            waiting.add(post("w" + i));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> submissions.waiting() == 6);

        releaseFirstBatch.countDown();
        first.get(5, TimeUnit.SECONDS);
        for (Future<?> post : waiting) {
            post.get(5, TimeUnit.SECONDS);
        }

        assertThat(batches).hasSize(3);
        assertThat(batches.get(0)).containsExactly("first");
        assertThat(batches.get(1)).hasSize(4);
        assertThat(batches.get(2)).hasSize(2);
    }

    @Test
    void aFailedBatchFailsExactlyItsOwnJobs() throws Exception {
        submissions = batchesOf(4, 50_000);
        Future<?> first = post("first");
        firstBatchEntered.await(5, TimeUnit.SECONDS);
        List<Future<?>> doomed = List.of(post("doomed-1"), post("doomed-2"), post("doomed-3"));
        await().atMost(Duration.ofSeconds(5)).until(() -> submissions.waiting() == 3);

        releaseFirstBatch.countDown();

        first.get(5, TimeUnit.SECONDS);
        for (Future<?> post : doomed) {
            assertThatThrownBy(() -> post.get(5, TimeUnit.SECONDS))
                    .hasRootCauseInstanceOf(IllegalStateException.class)
                    .rootCause()
                    .hasMessage("broker gone");
        }
        submissions.commit(job("after"));
        assertThat(batches).hasSize(3);
        assertThat(batches.get(1)).containsExactlyInAnyOrder("doomed-1", "doomed-2", "doomed-3");
        assertThat(batches.get(2)).containsExactly("after");
    }

    @Test
    void anErrorInTheCommitStillAnswersEveryJob() {
        submissions = new SubmissionBatches(
                jobs -> {
                    throw new AssertionError("a bug");
                },
                new GroupCommitProperties(4, 0L, 1),
                5_000);

        assertThatThrownBy(() -> submissions.commit(job("a"))).hasRootCauseMessage("a bug");
    }

    @Test
    void afterCloseNoSubmissionIsTaken() throws Exception {
        submissions = batchesOf(4, 0);
        releaseFirstBatch.countDown();
        submissions.commit(job("before"));

        submissions.close();

        assertThatThrownBy(() -> submissions.commit(job("after"))).isInstanceOf(NotQueuedException.class);
        assertThat(batches).containsExactly(List.of("before"));
    }

    private SubmissionBatches batchesOf(int maxJobs, long maxWaitMicros) {
        return new SubmissionBatches(this::record, new GroupCommitProperties(maxJobs, maxWaitMicros, 1), 10_000);
    }

    /** Holds the first batch until released; fails a batch of "doomed" jobs. */
    private void record(List<Document> jobs) throws InterruptedException {
        List<String> ids = jobs.stream().map(job -> job.getString("_id")).toList();
        batches.add(ids);
        if (batches.size() == 1) {
            firstBatchEntered.countDown();
            releaseFirstBatch.await(5, TimeUnit.SECONDS);
        }
        if (ids.get(0).startsWith("doomed")) {
            throw new IllegalStateException("broker gone");
        }
    }

    private Future<?> post(String id) {
        return posts.submit(() -> {
            submissions.commit(job(id));
            return null;
        });
    }

    private static Document job(String id) {
        return new Document("_id", id);
    }
}
