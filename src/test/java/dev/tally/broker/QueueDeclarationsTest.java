package dev.tally.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.store.EmbeddedMongoProperties;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.core.Queue;

/** The arguments each queue type is declared with, and the embedded broker refusing quorum queues. */
class QueueDeclarationsTest {

    @TempDir
    Path data;

    private static QueueProperties settings(String type) {
        return new QueueProperties("jobs", "jobs.dlq", type, 7);
    }

    /** As before the setting: existing queues, Qpid and a virtual host's default queue type see no change. */
    @Test
    void classicQueuesAreDurableAndDeclaredWithoutArguments() {
        QueueDeclarations declarations = new QueueDeclarations(settings("classic"));
        for (Queue queue : new Queue[] {declarations.jobs(), declarations.deadLetters()}) {
            assertThat(queue.isDurable()).isTrue();
            assertThat(queue.getArguments()).isEmpty();
        }
    }

    @Test
    void quorumJobsQueueDeadLettersPastTheDeliveryLimit() {
        Queue jobs = new QueueDeclarations(settings("quorum")).jobs();
        assertThat(jobs.getName()).isEqualTo("jobs");
        assertThat(jobs.isDurable()).isTrue();
        assertThat(jobs.getArguments())
                .containsEntry("x-queue-type", "quorum")
                .containsEntry("x-delivery-limit", 7)
                .containsEntry("x-dead-letter-exchange", "")
                .containsEntry("x-dead-letter-routing-key", "jobs.dlq")
                .containsEntry("x-dead-letter-strategy", "at-least-once")
                .containsEntry("x-overflow", "reject-publish");
    }

    @Test
    void quorumDeadLetterQueueKeepsMessagesHowEverOftenTheyAreListed() {
        Queue deadLetters = new QueueDeclarations(settings("quorum")).deadLetters();
        assertThat(deadLetters.getArguments())
                .isEqualTo(Map.of("x-queue-type", "quorum", "x-delivery-limit", Integer.MAX_VALUE));
    }

    @Test
    void theEmbeddedBrokerRefusesQuorumQueuesBeforeItStarts() {
        BrokerConfiguration configuration = new BrokerConfiguration();
        assertThatThrownBy(() -> configuration.embeddedAmqpBroker(
                        new BrokerProperties(5673),
                        new EmbeddedMongoProperties(data.toString(), 0),
                        settings("quorum")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TALLY_QUEUE_TYPE")
                .hasMessageContaining("no quorum queues");
        assertThat(data).isEmptyDirectory();
    }
}
