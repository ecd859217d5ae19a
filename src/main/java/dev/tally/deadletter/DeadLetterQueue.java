package dev.tally.deadletter;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import dev.tally.web.ApiException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Operator actions on {@code tally.jobs.dlq}: list without consuming, replay to {@code tally.jobs}, purge.
 * Messages are taken unacknowledged and only acknowledged once their fate is settled; the ones left alone are
 * handed back, so a crash half-way loses nothing.
 */
@Component("deadLetterQueue")
public class DeadLetterQueue {

    private final RabbitTemplate rabbit;
    private final JobReopener jobs;
    private final String deadLetterQueue;
    private final String jobsQueue;
    private final long confirmTimeoutMs;

    public DeadLetterQueue(RabbitTemplate rabbit, JobReopener jobs,
            @Value("${tally.dead-letter-queue}") String deadLetterQueue,
            @Value("${tally.queue}") String jobsQueue,
            @Value("${tally.api.confirm-timeout-ms}") long confirmTimeoutMs) {
        this.rabbit = rabbit;
        this.jobs = jobs;
        this.deadLetterQueue = deadLetterQueue;
        this.jobsQueue = jobsQueue;
        this.confirmTimeoutMs = confirmTimeoutMs;
    }

    public Map<String, Object> list(String limit) {
        int max = limitOf(limit);
        return rabbit.execute(channel -> {
            long count = channel.messageCount(deadLetterQueue);
            List<DeadLetter> letters = new ArrayList<>();
            List<Long> taken = new ArrayList<>();
            for (GetResponse response; letters.size() < max && (response = channel.basicGet(deadLetterQueue, false)) != null; ) {
                taken.add(response.getEnvelope().getDeliveryTag());
                letters.add(DeadLetterHeaders.read(response));
            }
            handBack(channel, taken);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("count", count);
            data.put("dead_letters", letters);
            return data;
        });
    }

    /** Replays the dead letters named in {@code ids} (comma-separated), or all when none are named. */
    public Map<String, Object> replay(String ids) {
        Predicate<DeadLetter> chosen = chosen(ids);
        int replayed = rabbit.execute(channel -> {
            channel.confirmSelect();
            long count = channel.messageCount(deadLetterQueue);
            List<Long> kept = new ArrayList<>();
            int done = 0;
            for (long seen = 0; seen < count; seen++) {
                GetResponse response = channel.basicGet(deadLetterQueue, false);
                if (response == null) {
                    break;
                }
                DeadLetter letter = DeadLetterHeaders.read(response);
                if (!chosen.test(letter)) {
                    kept.add(response.getEnvelope().getDeliveryTag());
                    continue;
                }
                jobs.reopen(response.getBody());
                channel.basicPublish("", jobsQueue, DeadLetterHeaders.forReplay(response.getProps()), response.getBody());
                waitForConfirm(channel);
                channel.basicAck(response.getEnvelope().getDeliveryTag(), false);
                done++;
            }
            handBack(channel, kept);
            return done;
        });
        return Map.of("replayed", replayed);
    }

    /** Removes the dead letters named in {@code ids} (comma-separated), or all when none are named. */
    public Map<String, Object> purge(String ids) {
        if (ids == null || ids.isBlank()) {
            long purged = rabbit.execute(channel -> (long) channel.queuePurge(deadLetterQueue).getMessageCount());
            return Map.of("purged", purged);
        }
        Predicate<DeadLetter> chosen = chosen(ids);
        long purged = rabbit.execute(channel -> {
            long count = channel.messageCount(deadLetterQueue);
            List<Long> kept = new ArrayList<>();
            long done = 0;
            for (long seen = 0; seen < count; seen++) {
                GetResponse response = channel.basicGet(deadLetterQueue, false);
                if (response == null) {
                    break;
                }
                if (chosen.test(DeadLetterHeaders.read(response))) {
                    channel.basicAck(response.getEnvelope().getDeliveryTag(), false);
                    done++;
                } else {
                    kept.add(response.getEnvelope().getDeliveryTag());
                }
            }
            handBack(channel, kept);
            return done;
        });
        return Map.of("purged", purged);
    }

    private static int limitOf(String limit) {
        if (limit == null || limit.isBlank()) {
            return 100;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value > 0) {
                return Math.min(value, 1000);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("`limit` must be a positive integer (at most 1000 are listed)");
    }

    private static Predicate<DeadLetter> chosen(String ids) {
        if (ids == null || ids.isBlank()) {
            return letter -> true;
        }
        Set<String> wanted = Arrays.stream(ids.split(",")).map(String::trim).collect(Collectors.toSet());
        return letter -> letter.id() != null && wanted.contains(letter.id());
    }

    private void waitForConfirm(Channel channel) throws IOException {
        try {
            channel.waitForConfirmsOrDie(confirmTimeoutMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for the broker's confirm", e);
        } catch (TimeoutException e) {
            throw new IOException("the broker did not confirm the replayed message within " + confirmTimeoutMs + " ms", e);
        }
    }

    private static void handBack(Channel channel, List<Long> deliveryTags) throws IOException {
        for (long tag : deliveryTags) {
            channel.basicNack(tag, false, true);
        }
    }
}
