package dev.tally.broker;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.amqp.core.Queue;

/**
 * The arguments the jobs and dead-letter queues are declared with. Every declaration must carry the same ones:
 * RabbitMQ refuses (406 PRECONDITION_FAILED) to declare an existing queue with other arguments.
 */
final class QueueDeclarations {

    /**
     * RabbitMQ 4 gives quorum queues a delivery limit of 20 by default, and listing dead letters hands each one back,
     * which counts as a delivery: without a limit of its own the dead-letter queue would drop them after 20 listings.
     * (-1, RabbitMQ 4's "no limit", drops every message returned once on 3.10.)
     */
    static final int DEAD_LETTER_QUEUE_DELIVERY_LIMIT = Integer.MAX_VALUE;

    private final QueueProperties queues;

    QueueDeclarations(QueueProperties queues) {
        this.queues = queues;
    }

    Queue jobs() {
        Map<String, Object> arguments = typed();
        if (queues.quorum()) {
            arguments.put("x-delivery-limit", queues.queueDeliveryLimit());
            // past the limit the broker moves the message to the dead-letter queue, not to nowhere
            arguments.put("x-dead-letter-exchange", "");
            arguments.put("x-dead-letter-routing-key", queues.deadLetterQueue());
            // kept on the jobs queue until the dead-letter queue has it; this strategy needs reject-publish
            arguments.put("x-dead-letter-strategy", "at-least-once");
            arguments.put("x-overflow", "reject-publish");
        }
        return new Queue(queues.queue(), true, false, false, arguments);
    }

    Queue deadLetters() {
        Map<String, Object> arguments = typed();
        if (queues.quorum()) {
            arguments.put("x-delivery-limit", DEAD_LETTER_QUEUE_DELIVERY_LIMIT);
        }
        return new Queue(queues.deadLetterQueue(), true, false, false, arguments);
    }

    /**
     * Classic queues are declared without a type, as before there was a choice: existing queues stay equivalent, Qpid
     * (the embedded broker) is told nothing it does not know, and a virtual host whose default queue type is quorum
     * (docs/scaling.md) still decides.
     */
    private Map<String, Object> typed() {
        Map<String, Object> arguments = new LinkedHashMap<>();
        if (queues.quorum()) {
            arguments.put("x-queue-type", "quorum");
        }
        return arguments;
    }
}
