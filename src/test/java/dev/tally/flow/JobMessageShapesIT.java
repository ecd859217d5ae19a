package dev.tally.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.tally.support.FullStackTest;
import dev.tally.support.TestStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The worker trusts a message that carries the job's URL and creation time and reads the job only when its update
 * completes nothing, or when the message is the original service's {"job_id"} alone. A GridFS count (over 1 MiB)
 * shows that a count nobody takes leaves no file behind.
 */
class JobMessageShapesIT extends FullStackTest {

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    RabbitAdmin admin;

    @Autowired
    MongoCollection<Document> jobsCollection;

    @Autowired
    MongoClient tallyMongo;

    @BeforeEach
    void emptyDeadLetterQueue() {
        admin.purgeQueue(TestStack.DEAD_LETTER_QUEUE, false);
    }

    @Test
    void theOriginalServicesMessageCompletesTheJobItNames() {
        ObjectId id = store("IN_PROGRESS", documents.url("/shapes/original.txt"));

        send("{\"job_id\": \"" + id + "\"}");

        assertThat(awaitFinished(id.toHexString(), Duration.ofSeconds(20))
                        .path("total_words")
                        .asLong())
                .isEqualTo(10);
    }

    @Test
    void aCountForAnUnknownJobIsDeadLetteredAndLeavesNoFile() {
        String path = "/vocabulary/100001.txt";
        ObjectId unknown = new ObjectId();
        String message = fullMessage(unknown, documents.url(path));

        send(message);

        Message dead = rabbit.receive(TestStack.DEAD_LETTER_QUEUE, 60_000);
        assertThat(dead).isNotNull();
        assertThat(new String(dead.getBody(), StandardCharsets.UTF_8)).isEqualTo(message);
        assertThat((String) dead.getMessageProperties().getHeader("tally-dead-letter-reason"))
                .contains("unknown job " + unknown);
        // counted before the worker knew: the file it wrote is removed
        assertThat(documents.hits(path)).isEqualTo(1);
        assertThat(filesOf(unknown)).isZero();
    }

    @Test
    void aCountForAFinishedJobLeavesItsOutcomeAndNoFile() {
        String path = "/vocabulary/100002.txt";
        ObjectId finished = store("COMPLETE", documents.url(path));
        NotifyBuilder done = new NotifyBuilder(camel)
                .fromRoute("worker-count-words")
                .whenDone(1)
                .create();

        send(fullMessage(finished, documents.url(path)));

        assertThat(done.matches(60, TimeUnit.SECONDS)).isTrue();
        assertThat(documents.hits(path)).isEqualTo(1);
        Document job = jobsCollection.find(Filters.eq("_id", finished)).first();
        assertThat(job.getString("status")).isEqualTo("COMPLETE");
        assertThat(job.containsKey("word_count_file")).isFalse();
        assertThat(filesOf(finished)).isZero();
        assertThat(rabbit.receive(TestStack.DEAD_LETTER_QUEUE, 500)).isNull();
    }

    private ObjectId store(String status, String url) {
        ObjectId id = new ObjectId();
        jobsCollection.insertOne(new Document("_id", id)
                .append("url", url)
                .append("status", status)
                .append("created_at", new Date())
                .append("updated_at", new Date()));
        return id;
    }

    private static String fullMessage(ObjectId id, String url) {
        return "{\"job_id\":\"" + id + "\",\"url\":\"" + url + "\",\"created_at\":\"2026-12-05T23:50:01.234Z\"}";
    }

    private void send(String message) {
        rabbit.send(
                "", TestStack.QUEUE, new Message(message.getBytes(StandardCharsets.UTF_8), new MessageProperties()));
    }

    private long filesOf(ObjectId job) {
        return tallyMongo
                .getDatabase(TestStack.DATABASE)
                .getCollection("word_counts.files")
                .countDocuments(Filters.eq("metadata.job_id", job));
    }
}
