package dev.tally.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoException;
import dev.tally.fetch.DocumentTooLargeException;
import dev.tally.fetch.PermanentFetchException;
import dev.tally.fetch.TransientFetchException;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** The failure each route hands the FAIL route: its reason category, the user's sentence, the log's detail. */
class JobFailuresTest {

    private final JobFailures failures = new JobFailures();
    private final Exchange worker = new DefaultExchange(new DefaultCamelContext());

    @Test
    void aFetchFailureKeepsTheReasonItWasThrownWithAndItsMessage() {
        JobFailure failure = failures.byWorker(
                new PermanentFetchException(FailureReason.HTTP_4XX, "HTTP 404 fetching http://x/"), worker);

        assertThat(failure.reason()).isEqualTo(FailureReason.HTTP_4XX);
        assertThat(failure.error()).isEqualTo("HTTP 404 fetching http://x/");
        assertThat(failure.detail()).isEqualTo("HTTP 404 fetching http://x/");
        assertThat(failure.workerTime()).as("timed by the worker").isNotNull();
        assertThat(failures.byWorker(new TransientFetchException(FailureReason.HTTP_5XX, "HTTP 503"), worker)
                        .reason())
                .isEqualTo(FailureReason.HTTP_5XX);
        assertThat(failures.byWorker(new DocumentTooLargeException(10, "http://x/"), worker)
                        .reason())
                .isEqualTo(FailureReason.TOO_LARGE);
    }

    @Test
    void mongoDbRefusingTheResultIsMongodbWithASentenceForTheUser() {
        MongoException refused = new MongoException("E11000 something driver-ish");

        JobFailure failure = failures.byWorker(refused, worker);

        assertThat(failure.reason()).isEqualTo(FailureReason.MONGODB);
        assertThat(failure.error()).isEqualTo(FailureSentences.STORE_FAILED);
        assertThat(failure.detail()).isEqualTo("E11000 something driver-ish");
    }

    @Test
    void anythingUnforeseenIsOther() {
        JobFailure failure = failures.byWorker(new IllegalStateException(), worker);

        assertThat(failure.reason()).isEqualTo(FailureReason.OTHER);
        assertThat(failure.error()).isEqualTo(FailureSentences.INTERNAL_ERROR);
        assertThat(failure.detail()).isEqualTo(JobFailure.UNKNOWN);
    }

    @Test
    void aDeadLetteredJobIsDeadLetterWhateverItsException() {
        JobFailure failure = failures.deadLettered(
                new PermanentFetchException(FailureReason.HTTP_4XX, "a bug after the fetch"), worker);

        assertThat(failure.reason()).isEqualTo(FailureReason.DEAD_LETTER);
        assertThat(failure.detail()).isEqualTo("a bug after the fetch");
        assertThat(failure.workerTime()).isNotNull();
        assertThat(failures.deadLettered(new IllegalStateException("planted"), worker)
                        .error())
                .isEqualTo(FailureSentences.INTERNAL_ERROR);
    }

    @Test
    void theApiAndTheSweeperFailJobsNoWorkerTimed() {
        assertThat(failures.queueUnavailable())
                .isEqualTo(new JobFailure(
                        FailureReason.QUEUE_UNAVAILABLE, "queue unavailable", "queue unavailable", null));
        assertThat(failures.timedOut()).isEqualTo(new JobFailure(FailureReason.STALE, "timed out", "timed out", null));
    }

    @Test
    void anHttpStatusIsCountedByItsClass() {
        assertThat(FailureReason.ofHttpStatus(304)).isEqualTo(FailureReason.HTTP_3XX);
        assertThat(FailureReason.ofHttpStatus(404)).isEqualTo(FailureReason.HTTP_4XX);
        assertThat(FailureReason.ofHttpStatus(429)).isEqualTo(FailureReason.HTTP_4XX);
        assertThat(FailureReason.ofHttpStatus(503)).isEqualTo(FailureReason.HTTP_5XX);
        assertThat(FailureReason.ofHttpStatus(601)).isEqualTo(FailureReason.OTHER);
    }
}
