package dev.tally.flow;

import static org.apache.camel.builder.Builder.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tally.support.FullStackTest;
import dev.tally.support.TestStack;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.annotation.Autowired;

/** Accepted jobs outlive the worker: the message stays queued, or goes back to the queue, until a job is written. */
class WorkerRestartIT extends FullStackTest {

    private static final String WORKER = "worker-count-words";

    @Autowired
    RabbitAdmin admin;

    @Autowired
    CachingConnectionFactory connectionFactory;

    @Test
    void aJobQueuedWhileNoWorkerRunsCompletesWhenOneStarts() throws Exception {
        camel.getRouteController().stopRoute(WORKER);
        try {
            String jobId = submit(documents.url("/while-stopped.txt"));
            await().atMost(Duration.ofSeconds(5)).until(() -> messagesReady() == 1);
            assertThat(api.job(jobId).data().path("status").asText()).isEqualTo("IN_PROGRESS");

            camel.getRouteController().startRoute(WORKER);
            assertThat(awaitFinished(jobId, Duration.ofSeconds(20))
                            .path("status")
                            .asText())
                    .isEqualTo("COMPLETE");
        } finally {
            camel.getRouteController().startRoute(WORKER);
        }
    }

    @Test
    void aMessageInFlightWhenTheWorkerLosesItsConnectionIsRedeliveredByTheBrokerAndCompletes() {
        NotifyBuilder redelivered = new NotifyBuilder(camel)
                .fromRoute(WORKER)
                .filter(header("CamelSpringRabbitmqRedelivered").isEqualTo(true))
                .whenCompleted(1)
                .create();
        documents.gate("restart");
        try {
            String jobId = submit(documents.url("/gated/restart"));
            await().atMost(Duration.ofSeconds(10)).until(() -> documents.hits("/gated/restart") == 1);

            // the worker holds the message unacknowledged; losing its connection hands the message back to the broker
            connectionFactory.resetConnection();

            assertThat(redelivered.matches(30, TimeUnit.SECONDS))
                    .as("broker redelivered the message")
                    .isTrue();
            assertThat(awaitFinished(jobId, Duration.ofSeconds(5))
                            .path("status")
                            .asText())
                    .isEqualTo("COMPLETE");
            assertThat(documents.hits("/gated/restart")).isGreaterThanOrEqualTo(2);
        } finally {
            documents.open("restart");
        }
    }

    private int messagesReady() {
        QueueInformation info = admin.getQueueInfo(TestStack.QUEUE);
        return info == null ? -1 : info.getMessageCount();
    }
}
