package dev.tally.deadletter;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import dev.tally.broker.QueueProperties;
import dev.tally.web.ApiException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;

/**
 * Operator actions on {@code tally.jobs.dlq}: list without consuming, replay to {@code tally.jobs}, purge.
 * Messages are taken unacknowledged and only acknowledged once their fate is settled; the ones left alone are
 * handed back, so a crash half-way loses nothing.
 */
@Component("deadLetterQueue")
public class DeadLetterQueue {

    private static final String PUBLISH_JOB_MESSAGE = "direct:publish-job-message";

    private final RabbitTemplate rabbit;
    private final ProducerTemplate routes;
    private final JobReopener jobs;
    private final String deadLetterQueue;
    private final int defaultLimit;
    private final int maxLimit;

    public DeadLetterQueue(
            RabbitTemplate rabbit,
            ProducerTemplate routes,
            JobReopener jobs,
            QueueProperties queues,
            DeadLetterProperties listing) {
        this.rabbit = rabbit;
        this.routes = routes;
        this.jobs = jobs;
        this.deadLetterQueue = queues.deadLetterQueue();
        this.defaultLimit = listing.defaultLimit();
        this.maxLimit = listing.maxLimit();
    }

    public Map<String, Object> list(String limit) {
        int max = limitOf(limit);
        return rabbit.execute(channel -> {
            long count = channel.messageCount(deadLetterQueue);
            List<DeadLetter> letters = new ArrayList<>();
            List<Long> taken = new ArrayList<>();
            try {
                for (GetResponse response;
                        letters.size() < max && (response = channel.basicGet(deadLetterQueue, false)) != null; ) {
                    taken.add(response.getEnvelope().getDeliveryTag());
                    letters.add(DeadLetterHeaders.read(response));
                }
            } finally {
                handBack(channel, taken);
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("count", count);
            data.put("dead_letters", letters);
            return data;
        });
    }

    /** Replays the dead letters named in {@code ids} (comma-separated), or all when none are named. */
    public Map<String, Object> replay(String ids) {
        long replayed = rabbit.execute(channel -> settle(channel, chosen(ids), response -> {
            jobs.reopen(response.getBody());
            publish(response);
        }));
        return Map.of("replayed", replayed);
    }

    /** Through the routes' one publish (jobs.camel.yaml): persistent and confirmed once this returns. */
    private void publish(GetResponse response) throws IOException {
        try {
            routes.sendBodyAndHeaders(
                    PUBLISH_JOB_MESSAGE, response.getBody(), DeadLetterHeaders.forReplay(response.getProps()));
        } catch (CamelExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException("the replayed message was not confirmed: " + cause.getMessage(), cause);
        }
    }

    /** Removes the dead letters named in {@code ids} (comma-separated), or all when none are named. */
    public Map<String, Object> purge(String ids) {
        if (ids == null || ids.isBlank()) {
            long purged = rabbit.execute(
                    channel -> (long) channel.queuePurge(deadLetterQueue).getMessageCount());
            return Map.of("purged", purged);
        }
        long purged = rabbit.execute(channel -> settle(channel, chosen(ids), response -> {}));
        return Map.of("purged", purged);
    }

    private interface Action {
        void apply(GetResponse response) throws IOException;
    }

    /**
     * Takes each message on the queue once; a chosen one gets the action and is acknowledged (it leaves the
     * queue only then), the others are handed back. Returns how many were chosen.
     */
    private long settle(Channel channel, Predicate<DeadLetter> chosen, Action action) throws IOException {
        long count = channel.messageCount(deadLetterQueue);
        List<Long> kept = new ArrayList<>();
        long settled = 0;
        try {
            for (long seen = 0; seen < count; seen++) {
                GetResponse response = channel.basicGet(deadLetterQueue, false);
                if (response == null) {
                    break;
                }
                long tag = response.getEnvelope().getDeliveryTag();
                kept.add(tag);
                if (chosen.test(DeadLetterHeaders.read(response))) {
                    action.apply(response);
                    channel.basicAck(tag, false);
                    kept.remove(Long.valueOf(tag));
                    settled++;
                }
            }
        } finally {
            // the channel goes back to a cache: nothing may stay unacknowledged on it, even after a failure
            handBack(channel, kept);
        }
        return settled;
    }

    private int limitOf(String limit) {
        if (limit == null || limit.isBlank()) {
            return defaultLimit;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value > 0) {
                return Math.min(value, maxLimit);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("`limit` must be a positive integer (at most " + maxLimit + " are listed)");
    }

    private static Predicate<DeadLetter> chosen(String ids) {
        if (ids == null || ids.isBlank()) {
            return letter -> true;
        }
        Set<String> wanted = Arrays.stream(ids.split(",")).map(String::trim).collect(Collectors.toSet());
        return letter -> letter.id() != null && wanted.contains(letter.id());
    }

    private static void handBack(Channel channel, List<Long> deliveryTags) throws IOException {
        for (long tag : deliveryTags) {
            channel.basicNack(tag, false, true);
        }
    }
}
