package dev.tally.submit;

import dev.tally.broker.QueueProperties;
import dev.tally.job.JobMessages;
import dev.tally.web.ApiProperties;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;

/**
 * Queues the messages of a batch of jobs, persistent, on one channel, then waits once for the broker to confirm
 * them all. Camel's spring-rabbitmq producer waits for each message's confirm before the next: one round trip per
 * POST instead of one per batch.
 */
@Component("jobBatchPublisher")
public class JobBatchPublisher {

    private final RabbitTemplate rabbit;
    private final JobMessages messages;
    private final String queue;
    private final long confirmTimeoutMs;

    public JobBatchPublisher(RabbitTemplate rabbit, JobMessages messages, QueueProperties queues, ApiProperties api) {
        this.rabbit = rabbit;
        this.messages = messages;
        this.queue = queues.queue();
        this.confirmTimeoutMs = api.confirmTimeoutMs();
    }

    /** Returns once RabbitMQ confirmed every message; throws {@link NotQueuedException} otherwise. */
    public void publish(List<Document> jobs) throws Exception {
        List<Message> batch = new ArrayList<>(jobs.size());
        for (Document job : jobs) {
            batch.add(messageFor(job));
        }
        try {
            rabbit.invoke(channel -> {
                for (Message message : batch) {
                    channel.send("", queue, message);
                }
                channel.waitForConfirmsOrDie(confirmTimeoutMs);
                return null;
            });
        } catch (AmqpException e) {
            throw new NotQueuedException(
                    "RabbitMQ did not confirm the " + batch.size() + " messages of the batch: " + e.getMessage(), e);
        }
    }

    private Message messageFor(Document job) throws Exception {
        MessageProperties properties = new MessageProperties();
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setContentEncoding(StandardCharsets.UTF_8.name());
        return new Message(messages.forJob(job).getBytes(StandardCharsets.UTF_8), properties);
    }
}
