package dev.tally.monitor;

import dev.tally.broker.QueueProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.stereotype.Component;

/**
 * Gauges {@code tally_queue_messages{queue}} and {@code tally_queue_consumers{queue}} for the jobs queue and the
 * dead-letter queue. Each scrape reads a snapshot; the snapshot is refreshed with a passive declare at most once per
 * {@code tally.metrics.queue-depth-max-age-ms}, so scrapes cost the broker little. NaN while the broker is unreachable.
 * The operator overview reads the queues afresh with {@link #now()}.
 */
@Component
public class QueueDepths {

    /** One queue as the broker reported it; messages and consumers are null when it could not be read. */
    public record QueueDepth(String name, Long messages, Long consumers) {

        static QueueDepth unknown(String name) {
            return new QueueDepth(name, null, null);
        }
    }

    private final AmqpAdmin admin;
    private final List<String> queues;
    private final long maxAgeMs;
    private List<QueueDepth> snapshot;
    private long takenAt = Long.MIN_VALUE;

    QueueDepths(AmqpAdmin admin, MeterRegistry registry, QueueProperties queueNames, MetricsProperties metrics) {
        this.admin = admin;
        this.queues = List.of(queueNames.queue(), queueNames.deadLetterQueue());
        this.maxAgeMs = metrics.queueDepthMaxAgeMs();
        this.snapshot = queues.stream().map(QueueDepth::unknown).toList();
        for (int index = 0; index < queues.size(); index++) {
            String queue = queues.get(index);
            int position = index;
            gauge(
                    registry,
                    "tally.queue.messages",
                    "messages ready in the queue",
                    queue,
                    position,
                    QueueDepth::messages);
            gauge(registry, "tally.queue.consumers", "consumers of the queue", queue, position, QueueDepth::consumers);
        }
    }

    private void gauge(
            MeterRegistry registry,
            String name,
            String description,
            String queue,
            int position,
            Function<QueueDepth, Long> value) {
        ToDoubleFunction<QueueDepths> reading = depths -> {
            Long number = value.apply(depths.recent().get(position));
            return number == null ? Double.NaN : number;
        };
        Gauge.builder(name, this, reading)
                .description(description)
                .tag("queue", queue)
                .strongReference(true)
                .register(registry);
    }

    /** The jobs queue, then the dead-letter queue, read from the broker now. */
    public synchronized List<QueueDepth> now() {
        snapshot = read();
        takenAt = System.nanoTime() / 1_000_000;
        return snapshot;
    }

    private synchronized List<QueueDepth> recent() {
        long now = System.nanoTime() / 1_000_000;
        if (takenAt == Long.MIN_VALUE || now - takenAt >= maxAgeMs) {
            return now();
        }
        return snapshot;
    }

    private List<QueueDepth> read() {
        List<QueueDepth> depths = new ArrayList<>();
        for (String queue : queues) {
            try {
                QueueInformation info = admin.getQueueInfo(queue);
                depths.add(
                        info == null
                                ? QueueDepth.unknown(queue)
                                : new QueueDepth(queue, (long) info.getMessageCount(), (long) info.getConsumerCount()));
            } catch (AmqpException e) {
                // broker unreachable: every queue unknown until the next refresh
                return queues.stream().map(QueueDepth::unknown).toList();
            }
        }
        return List.copyOf(depths);
    }
}
