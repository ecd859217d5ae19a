package dev.tally.monitor;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gauges {@code tally_queue_messages{queue}} and {@code tally_queue_consumers{queue}} for the jobs queue and the
 * dead-letter queue. Each scrape reads a snapshot; the snapshot is refreshed with a passive declare at most once per
 * {@code tally.metrics.queue-depth-max-age-ms}, so scrapes cost the broker little. NaN while the broker is unreachable.
 */
@Component
class QueueDepths {

    private record Depth(double messages, double consumers) {
        static final Depth UNKNOWN = new Depth(Double.NaN, Double.NaN);
    }

    private final AmqpAdmin admin;
    private final List<String> queues;
    private final long maxAgeMs;
    private Map<String, Depth> snapshot = Map.of();
    private long takenAt = Long.MIN_VALUE;

    QueueDepths(
            AmqpAdmin admin,
            MeterRegistry registry,
            @Value("${tally.queue}") String jobsQueue,
            @Value("${tally.dead-letter-queue}") String deadLetterQueue,
            @Value("${tally.metrics.queue-depth-max-age-ms}") long maxAgeMs) {
        this.admin = admin;
        this.queues = List.of(jobsQueue, deadLetterQueue);
        this.maxAgeMs = maxAgeMs;
        for (String queue : queues) {
            gauge(registry, "tally.queue.messages", "messages ready in the queue", queue, Depth::messages);
            gauge(registry, "tally.queue.consumers", "consumers of the queue", queue, Depth::consumers);
        }
    }

    private void gauge(
            MeterRegistry registry, String name, String description, String queue, ToDoubleFunction<Depth> value) {
        Gauge.builder(name, this, depths -> value.applyAsDouble(depths.of(queue)))
                .description(description)
                .tag("queue", queue)
                .strongReference(true)
                .register(registry);
    }

    synchronized Depth of(String queue) {
        long now = System.nanoTime() / 1_000_000;
        if (takenAt == Long.MIN_VALUE || now - takenAt >= maxAgeMs) {
            snapshot = read();
            takenAt = System.nanoTime() / 1_000_000;
        }
        return snapshot.getOrDefault(queue, Depth.UNKNOWN);
    }

    private Map<String, Depth> read() {
        Map<String, Depth> depths = new HashMap<>();
        for (String queue : queues) {
            try {
                QueueInformation info = admin.getQueueInfo(queue);
                depths.put(
                        queue,
                        info == null ? Depth.UNKNOWN : new Depth(info.getMessageCount(), info.getConsumerCount()));
            } catch (AmqpException e) {
                return Map.of(); // broker unreachable: every queue unknown until the next refresh
            }
        }
        return depths;
    }
}
