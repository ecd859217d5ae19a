package dev.tally.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.DeclarationExceptionEvent;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/** A queue RabbitMQ refuses as inequivalent stops Tally once, with a message pointing to the migration. */
class QueueMismatchStopTest {

    private final List<String> stops = new ArrayList<>();
    private final QueueMismatchStop check =
            new QueueMismatchStop(new RabbitAdmin(new CachingConnectionFactory("127.0.0.1", 1)), stops::add);

    private static Throwable channelClosed(int code, String text) {
        AMQP.Channel.Close close = new AMQP.Channel.Close.Builder()
                .replyCode(code)
                .replyText(text)
                .classId(50)
                .methodId(10)
                .build();
        return new IOException(new ShutdownSignalException(false, false, close, null));
    }

    private static DeclarationExceptionEvent refused(Declarable declarable, Throwable failure) {
        return new DeclarationExceptionEvent(new Object(), declarable, failure);
    }

    @Test
    void anInequivalentQueueStopsTallyOnceNamingTheMigration() {
        Queue jobs = new Queue("tally.jobs");
        Throwable refusal = channelClosed(
                406,
                "PRECONDITION_FAILED - inequivalent arg 'x-queue-type' for queue 'tally.jobs' in vhost '/':"
                        + " received the value 'quorum' of type 'longstr' but current is none");

        check.declarationFailed(refused(jobs, refusal));
        check.declarationFailed(refused(jobs, refusal));

        assertThat(stops).hasSize(1);
        assertThat(stops.get(0))
                .contains("tally.jobs")
                .contains("inequivalent arg 'x-queue-type'")
                .contains("docs/queues.md")
                .contains("TALLY_QUEUE_TYPE");
    }

    @Test
    void otherFailuresLeaveTheRetriesToTheConnection() {
        check.declarationFailed(refused(new Queue("tally.jobs"), new IOException("connection refused")));
        check.declarationFailed(refused(new Queue("tally.jobs"), channelClosed(403, "ACCESS_REFUSED")));
        assertThat(stops).isEmpty();
    }
}
