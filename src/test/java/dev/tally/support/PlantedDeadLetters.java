package dev.tally.support;

import java.nio.charset.StandardCharsets;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/** Messages as the dead-letter route publishes them, placed straight on the run's dead-letter queue. */
public final class PlantedDeadLetters {

    private final RabbitTemplate rabbit;

    public PlantedDeadLetters(RabbitTemplate rabbit) {
        this.rabbit = rabbit;
    }

    /** A dead letter with this id and body; its reason is "planted <id>". */
    public void plant(String id, String body) {
        MessageProperties props = new MessageProperties();
        props.setHeader("tally-dead-letter-id", id);
        props.setHeader("tally-dead-letter-reason", "planted " + id);
        props.setHeader("tally-dead-letter-exception", "dev.tally.job.PoisonMessageException");
        props.setHeader("tally-dead-letter-route", "worker-count-words");
        props.setHeader("tally-dead-letter-attempts", "1");
        props.setHeader("tally-dead-letter-failed-at", "2026-11-28T00:00:01Z");
        props.setHeader("tally-dead-letter-first-failed-at", "2026-11-28T00:00:01Z");
        // confirmed before the next is sent: two sends may take two cached channels, whose messages can overtake
        rabbit.invoke(template -> {
            template.send("", TestStack.DEAD_LETTER_QUEUE, new Message(body.getBytes(StandardCharsets.UTF_8), props));
            template.waitForConfirmsOrDie(5_000);
            return null;
        });
    }
}
