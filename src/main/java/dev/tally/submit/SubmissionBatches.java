package dev.tally.submit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: each POST's job waits here until a committer takes it into a batch; the batch is stored and queued
 * at once (route commit-submissions), and every POST of it learns the batch's outcome. A batch closes at
 * {@code maxJobs}, or {@code maxWait} after its first job; a job that finds nothing else waiting goes alone, at
 * once, so an idle service adds no delay.
 */
public class SubmissionBatches implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SubmissionBatches.class);

    private static final long IDLE_CHECK_MILLIS = 200;

    private final BlockingQueue<Submission> waiting = new LinkedBlockingQueue<>();
    private final BatchCommit batchCommit;
    private final int maxJobs;
    private final long maxWaitNanos;
    private final int committerCount;
    private final long waitLimitMillis;
    private final List<Thread> committers = new ArrayList<>();
    /** Guards starting the committers against close(). */
    private final ReentrantLock lifecycle = new ReentrantLock();

    private volatile boolean started;
    private volatile boolean closed;

    SubmissionBatches(BatchCommit batchCommit, GroupCommitProperties settings, long waitLimitMillis) {
        this.batchCommit = batchCommit;
        this.maxJobs = settings.maxJobs();
        this.maxWaitNanos = TimeUnit.MICROSECONDS.toNanos(settings.maxWaitMicros());
        this.committerCount = settings.committers();
        this.waitLimitMillis = waitLimitMillis;
    }

    /**
     * Returns once this job is stored and its message confirmed. Throws the batch's failure otherwise: every job
     * of a failed batch gets the same one, whichever of them caused it.
     */
    public void commit(Document job) throws Exception {
        Submission submission = new Submission(job);
        startCommitters();
        waiting.add(submission);
        try {
            submission.outcome().get(waitLimitMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            throw new NotQueuedException(
                    "the job's batch was not stored and queued within " + waitLimitMillis + " ms", e);
        }
    }

    private void startCommitters() {
        if (started && !closed) {
            return;
        }
        lifecycle.lock();
        try {
            if (closed) {
                throw new NotQueuedException("shutting down: submissions are no longer taken", null);
            }
            while (committers.size() < committerCount) {
                Thread committer = new Thread(this::commitBatches, "tally-group-commit-" + (committers.size() + 1));
                committer.setDaemon(true);
                committers.add(committer);
                committer.start();
            }
            started = true;
        } finally {
            lifecycle.unlock();
        }
    }

    private void commitBatches() {
        List<Submission> batch = new ArrayList<>(maxJobs);
        try {
            while (!closed || !waiting.isEmpty()) {
                gather(batch);
                if (!batch.isEmpty()) {
                    commitAndAnswer(batch);
                    batch.clear();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer(batch, new NotQueuedException("interrupted before the batch was committed", e));
        }
    }

    private void gather(List<Submission> batch) throws InterruptedException {
        // a bounded wait, so that a committer notices close() without being interrupted mid-commit
        Submission first = waiting.poll(IDLE_CHECK_MILLIS, TimeUnit.MILLISECONDS);
        if (first == null) {
            return;
        }
        batch.add(first);
        if (waiting.drainTo(batch, maxJobs - 1) == 0) {
            return;
        }
        long deadline = System.nanoTime() + maxWaitNanos;
        while (batch.size() < maxJobs) {
            Submission next = waiting.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
            waiting.drainTo(batch, maxJobs - batch.size());
        }
    }

    private void commitAndAnswer(List<Submission> batch) {
        List<Document> jobs = new ArrayList<>(batch.size());
        for (Submission submission : batch) {
            jobs.add(submission.job());
        }
        Throwable failure = null;
        try {
            batchCommit.commit(jobs);
        } catch (Exception | Error e) { // every POST of the batch must get an answer, whatever happened
            failure = e;
        }
        answer(batch, failure);
    }

    private static void answer(List<Submission> batch, Throwable failure) {
        for (Submission submission : batch) {
            if (failure == null) {
                submission.outcome().complete(null);
            } else {
                submission.outcome().completeExceptionally(failure);
            }
        }
    }

    /** Jobs waiting for a committer to take them into a batch. */
    public int waiting() {
        return waiting.size();
    }

    /** Takes no more submissions; the committers finish what waits, within the wait limit. */
    @Override
    public void close() throws InterruptedException {
        List<Thread> running;
        lifecycle.lock();
        try {
            closed = true;
            running = List.copyOf(committers);
        } finally {
            lifecycle.unlock();
        }
        for (Thread committer : running) {
            committer.join(waitLimitMillis);
        }
        if (!waiting.isEmpty()) {
            LOG.warn("{} submissions were still waiting at shutdown", waiting.size());
        }
    }
}
