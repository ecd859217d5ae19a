package dev.tally.broker;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ShutdownSignalException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.DeclarationExceptionEvent;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;

/**
 * Stops Tally when RabbitMQ refuses to declare a queue because it exists with other arguments, typically a classic
 * tally.jobs after TALLY_QUEUE_TYPE=quorum. Every new connection declares again and is refused again: without this the
 * worker's consumers and every POST would retry for ever, each with the same 406 in the log.
 */
class QueueMismatchStop implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(QueueMismatchStop.class);

    private final RabbitAdmin admin;
    private final Consumer<String> stop;
    private final AtomicBoolean stopping = new AtomicBoolean();

    QueueMismatchStop(RabbitAdmin admin, Consumer<String> stop) {
        this.admin = admin;
        this.stop = stop;
    }

    /** Declares once at start-up, so a web-only process learns of a mismatch before its first POST. */
    @Override
    public void run(ApplicationArguments args) {
        try {
            admin.initialize();
        } catch (AmqpException e) {
            // broker away: the first connection declares later; a refusal then arrives as an event too
            LOG.debug("queues not declared at start-up: {}", e.getMessage());
        }
    }

    @EventListener
    void declarationFailed(DeclarationExceptionEvent event) {
        if (!(event.getDeclarable() instanceof Queue queue) || !refusedAsInequivalent(event.getThrowable())) {
            return;
        }
        if (stopping.compareAndSet(false, true)) {
            String message = "RabbitMQ refused to declare queue '" + queue.getName() + "' with "
                    + queue.getArguments() + ": it exists with other arguments (" + reason(event.getThrowable())
                    + "). An existing queue keeps its type: migrate it as docs/queues.md describes, or set"
                    + " TALLY_QUEUE_TYPE to its type. Tally stops.";
            LOG.error(message);
            stop.accept(message);
        }
    }

    private static boolean refusedAsInequivalent(Throwable failure) {
        return reason(failure) != null;
    }

    /** The broker's reply text of a 406 channel close somewhere in the causes, or null. */
    private static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ShutdownSignalException signal
                    && signal.getReason() instanceof AMQP.Channel.Close close
                    && close.getReplyCode() == AMQP.PRECONDITION_FAILED) {
                return close.getReplyText();
            }
        }
        return null;
    }
}
