package dev.tally.routes;

import static dev.tally.routes.RouteHarness.JOB_ID;
import static dev.tally.routes.RouteHarness.JOB_MESSAGE;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoException;
import dev.tally.job.PoisonMessageException;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.NotifyBuilder;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.AmqpIOException;

/** What the worker cannot process goes to the dead-letter queue with its reason; its job, if any, FAILs. */
class DeadLetteringTest {

    private RouteHarness harness;

    @BeforeEach
    void routes() throws Exception {
        harness = RouteHarness.routes();
    }

    @Test
    void messageThatIsNotJsonIsDeadLetteredAsItCameAndFailsNoJob() throws Exception {
        harness.rabbitmq().expectedBodiesReceived("not json at all");
        harness.mongoFind().expectedMessageCount(0);
        harness.mongoUpdate().expectedMessageCount(0);

        Exchange done = send("not json at all");

        assertThat(done.getException()).isNull();
        harness.rabbitmq().assertIsSatisfied();
        Message deadLetter = deadLetter();
        assertThat(deadLetter.getHeader("tally-dead-letter-exception"))
                .isEqualTo(PoisonMessageException.class.getName());
        assertThat(deadLetter.getHeader("tally-dead-letter-reason", String.class))
                .startsWith("message is not JSON");
        assertThat(deadLetter.getHeader("tally-dead-letter-job-id", String.class))
                .isNullOrEmpty();
        harness.mongoFind().assertIsSatisfied();
        harness.mongoUpdate().assertIsSatisfied();
        assertThat(harness.deadLetterCount()).isEqualTo(1);
        assertThat(harness.failedCountAnyReason()).isZero();
    }

    @Test
    void messageOfAnUnknownJobIsDeadLetteredWithItsJobId() throws Exception {
        harness.storedJob = null;
        harness.updateMatches = 0;

        send(JOB_MESSAGE);

        Message deadLetter = deadLetter();
        assertThat(deadLetter.getHeader("tally-dead-letter-reason")).isEqualTo("unknown job " + JOB_ID);
        assertThat(deadLetter.getHeader("tally-dead-letter-job-id")).isEqualTo(JOB_ID);
        assertThat(harness.fetcher.tries()).isZero();
        assertThat(harness.failedCountAnyReason()).isZero();
    }

    @Test
    void unexpectedExceptionDeadLettersTheOriginalMessageAtOnceAndFailsTheJob() throws Exception {
        harness.fetcher.failWith(new IllegalStateException("a bug"));
        harness.rabbitmq().expectedBodiesReceived(JOB_MESSAGE);
        harness.rabbitmq().expectedHeaderReceived("CamelSpringRabbitmqRoutingOverrideKey", "tally.jobs.dlq");
        harness.rabbitmq().expectedHeaderReceived("tally-dead-letter-route", "worker-count-words");
        harness.rabbitmq().expectedHeaderReceived("tally-dead-letter-attempts", 1);
        harness.mongoUpdate().expectedMessageCount(1);

        Exchange done = send(JOB_MESSAGE);

        assertThat(done.getException()).isNull();
        harness.rabbitmq().assertIsSatisfied();
        harness.mongoUpdate().assertIsSatisfied();
        Message deadLetter = deadLetter();
        assertThat(deadLetter.getHeader("tally-dead-letter-exception"))
                .isEqualTo(IllegalStateException.class.getName());
        assertThat(deadLetter.getHeader("tally-dead-letter-reason")).isEqualTo("a bug");
        assertThat(deadLetter.getHeader("tally-dead-letter-job-id")).isEqualTo(JOB_ID);
        // the user reads a sentence naming no class; the operator finds the bug in the dead letter's headers
        assertThat(failError()).isEqualTo("internal error while counting the words");
        assertThat(harness.fetcher.tries()).isEqualTo(1);
        assertThat(harness.failedCount("dead_letter")).isEqualTo(1);
        assertThat(harness.deadLetterCount()).isEqualTo(1);
    }

    @Test
    void deadLetterStandsWhenItsJobCannotBeFailed() {
        harness.fetcher.failWith(new IllegalStateException("a bug"));
        harness.updateFailure = new MongoException("write refused");

        Exchange done = send(JOB_MESSAGE);

        assertThat(done.getException()).isNull();
        assertThat(harness.rabbitmq().getReceivedCounter()).isEqualTo(1);
        assertThat(harness.failedCountAnyReason()).isZero();
    }

    @Test
    void messageGoesBackToTheQueueWhenTheDeadLetterQueueRefusesIt() {
        harness.fetcher.failWith(new IllegalStateException("a bug"));
        harness.rabbitmq().whenAnyExchangeReceived(exchange -> {
            throw new AmqpIOException(new java.io.IOException("broker gone"));
        });
        NotifyBuilder failed = new NotifyBuilder(harness.context)
                .fromRoute("worker-count-words")
                .whenFailed(1)
                .create();

        Exchange done = send(JOB_MESSAGE);

        // unhandled: the consumer returns the message to the queue instead of acknowledging a message lost
        assertThat(failed.matches()).isTrue();
        assertThat(done.getException()).isNotNull();
        assertThat(harness.mongoUpdate().getReceivedCounter()).isZero();
        assertThat(harness.deadLetterCount()).isZero();
    }

    private Exchange send(String message) {
        return harness.context
                .createProducerTemplate()
                .send(
                        "direct:worker-count-words",
                        exchange -> exchange.getMessage().setBody(message));
    }

    private String failError() {
        List<?> update =
                harness.mongoUpdate().getExchanges().get(0).getMessage().getBody(List.class);
        return ((Document) update.get(1)).get("$set", Document.class).getString("error");
    }

    private Message deadLetter() {
        assertThat(harness.rabbitmq().getReceivedCounter()).isEqualTo(1);
        return harness.rabbitmq().getReceivedExchanges().get(0).getMessage();
    }
}
