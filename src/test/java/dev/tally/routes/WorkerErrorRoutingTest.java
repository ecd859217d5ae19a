package dev.tally.routes;

import static dev.tally.routes.RouteHarness.JOB_ID;
import static dev.tally.routes.RouteHarness.JOB_MESSAGE;
import static dev.tally.routes.RouteHarness.MAX_ATTEMPTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoSocketException;
import com.mongodb.ServerAddress;
import dev.tally.fetch.PermanentFetchException;
import dev.tally.fetch.TransientFetchException;
import dev.tally.job.FailureReason;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** worker-errors' decisions on the real worker route: retry, FAIL at once, or leave the message to the queue. */
class WorkerErrorRoutingTest {

    private RouteHarness harness;

    @BeforeEach
    void routes() throws Exception {
        harness = RouteHarness.routes();
    }

    @Test
    void transientFetchFailureIsRetriedThenFailsTheJobWithItsReason() throws Exception {
        harness.fetcher.failWith(new TransientFetchException(FailureReason.HTTP_5XX, "server error 503"));
        harness.mongoUpdate().expectedMessageCount(1);
        harness.rabbitmq().expectedMessageCount(0);

        Exchange done = send();

        assertThat(harness.fetcher.tries()).isEqualTo(MAX_ATTEMPTS + 1);
        assertFailed(done, "server error 503");
        assertThat(harness.failedCount("http_5xx")).isEqualTo(1);
        harness.mongoUpdate().assertIsSatisfied();
        harness.rabbitmq().assertIsSatisfied();
    }

    @Test
    void permanentFetchFailureFailsTheJobWithoutRetry() throws Exception {
        harness.fetcher.failWith(new PermanentFetchException(FailureReason.HTTP_4XX, "not found (404)"));
        harness.rabbitmq().expectedMessageCount(0);

        Exchange done = send();

        assertThat(harness.fetcher.tries()).isEqualTo(1);
        assertFailed(done, "not found (404)");
        assertThat(harness.failedCount("http_4xx")).isEqualTo(1);
        harness.rabbitmq().assertIsSatisfied();
    }

    @Test
    void mongoDbOutOfReachIsRetriedThenLeftToTheQueueWithoutFailingTheJob() throws Exception {
        harness.findFailure = new MongoSocketException("connection refused", new ServerAddress());
        NotifyBuilder failed = new NotifyBuilder(harness.context)
                .fromRoute("worker-count-words")
                .whenFailed(1)
                .create();

        Exchange done = send();

        // an unhandled failure is what makes the consumer return the message to the queue
        assertThat(failed.matches()).isTrue();
        assertThat(done.getException()).isInstanceOf(MongoSocketException.class);
        assertThat(harness.mongoFind().getReceivedCounter()).isEqualTo(MAX_ATTEMPTS + 1);
        assertThat(harness.mongoUpdate().getReceivedCounter()).isZero();
        assertThat(harness.rabbitmq().getReceivedCounter()).isZero();
    }

    @Test
    void messageOfAFinishedJobIsAcknowledgedWithoutFetching() throws Exception {
        harness.storedJob.put("status", "COMPLETE");

        Exchange done = send();

        assertThat(done.getException()).isNull();
        assertThat(harness.fetcher.tries()).isZero();
        assertThat(harness.mongoUpdate().getReceivedCounter()).isZero();
        assertThat(harness.rabbitmq().getReceivedCounter()).isZero();
    }

    private Exchange send() {
        return harness.context
                .createProducerTemplate()
                .send("direct:worker-count-words", e -> e.getMessage().setBody(JOB_MESSAGE));
    }

    /** Handled, so the message is acknowledged; the job FAILed only while IN_PROGRESS, with the user's reason. */
    private void assertFailed(Exchange done, String error) {
        assertThat(done.getException()).isNull();
        assertThat(harness.mongoUpdate().getReceivedCounter()).isEqualTo(1);
        @SuppressWarnings("unchecked")
        List<Document> update =
                harness.mongoUpdate().getExchanges().get(0).getMessage().getBody(List.class);
        assertThat(update.get(0)).containsEntry("status", "IN_PROGRESS");
        assertThat(update.get(0).getObjectId("_id").toHexString()).isEqualTo(JOB_ID);
        Document set = update.get(1).get("$set", Document.class);
        assertThat(set).containsEntry("status", "FAIL").containsEntry("error", error);
    }
}
