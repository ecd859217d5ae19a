package dev.tally.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.model.Filters;
import dev.tally.support.ApiClient.Answer;
import dev.tally.support.FullStackTest;
import dev.tally.support.TestStack;
import dev.tally.support.Vocabulary;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Both stored forms of a histogram through the public API: a small vocabulary as a sub-document MongoDB can query,
 * a large one (1.3 MB of BSON, over tally.results.inline-max-bytes) as a GridFS file; both answer alike.
 */
class WordCountStorageIT extends FullStackTest {

    private static final long LARGE_VOCABULARY = 100_000;

    @Autowired
    MongoCollection<Document> jobsCollection;

    @Autowired
    MongoClient tallyMongo;

    @Test
    void aSmallCountIsARankedSubDocumentThatMongoDbCanQuery() {
        String jobId = submit(documents.url("/storage/small.txt"));
        JsonNode job = awaitFinished(jobId, Duration.ofSeconds(20));

        assertThat(job.path("status").asText()).isEqualTo("COMPLETE");
        assertThat(job.path("word_count").path("the").asInt()).isEqualTo(2);
        assertThat(job.path("word_count").size()).isEqualTo(9);
        assertThat(job.path("total_words").asLong()).isEqualTo(10);
        assertThat(job.path("distinct_words").asLong()).isEqualTo(9);
        assertThat(words(job.path("top_words")))
                .containsExactly("the", "000", "1", "and", "cat", "don't", "hat", "quoted", "stop");
        Document stored =
                jobsCollection.find(Filters.eq("_id", new ObjectId(jobId))).first();
        assertThat(stored.get("word_count")).isInstanceOf(Document.class);
        assertThat(new ArrayList<>(stored.get("word_count", Document.class).keySet()))
                .startsWith("the", "000", "1");
        assertThat(stored.containsKey("word_count_file")).isFalse();
        assertThat(jobsCollection.countDocuments(
                        Filters.and(Filters.eq("_id", new ObjectId(jobId)), Filters.gt("word_count.the", 1))))
                .isEqualTo(1);
    }

    @Test
    void topAnswersTheMostFrequentWordsInsteadOfTheWholeCount() {
        String jobId = submit(documents.url("/storage/top.txt"));
        awaitFinished(jobId, Duration.ofSeconds(20));

        Answer answer = api.send("GET", "/word-count/" + jobId + "?top=2", null, null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.data().has("word_count")).isFalse();
        assertThat(words(answer.data().path("top_words"))).containsExactly("the", "000");
        assertThat(answer.data().path("top_words").get(0).path("count").asLong())
                .isEqualTo(2);
        Answer byBody = api.send("GET", "/word-count?top=1", "application/json", "{\"job_id\": \"" + jobId + "\"}");
        assertThat(words(byBody.data().path("top_words"))).containsExactly("the");
    }

    @Test
    void aBadTopIsA400NamingIt() {
        String jobId = submit(documents.url("/storage/bad-top.txt"));
        for (String top : List.of("0", "1001", "abc", "-1", "2.5", "1&top=2", "")) {
            Answer answer = api.send("GET", "/word-count/" + jobId + "?top=" + top, null, null);
            assertThat(answer.status()).as("top=%s", top).isEqualTo(400);
            assertThat(answer.message()).as("top=%s", top).contains("`top`");
        }
    }

    @Test
    void aLargeVocabularyIsAGridFsFileAndAnswersExactlyAsInline() {
        String jobId = submit(documents.url("/vocabulary/" + LARGE_VOCABULARY + ".txt"));
        JsonNode job = awaitFinished(jobId, Duration.ofSeconds(60));

        assertThat(job.path("status").asText()).as("%s", job.path("error")).isEqualTo("COMPLETE");
        Document stored =
                jobsCollection.find(Filters.eq("_id", new ObjectId(jobId))).first();
        assertThat(stored.containsKey("word_count")).isFalse();
        ObjectId file = stored.getObjectId("word_count_file");
        Document fileInfo = tallyMongo
                .getDatabase(TestStack.DATABASE)
                .getCollection("word_counts.files")
                .find(Filters.eq("_id", file))
                .first();
        assertThat(fileInfo.get("metadata", Document.class).getObjectId("job_id"))
                .isEqualTo(new ObjectId(jobId));
        assertThat(job.path("word_count").size()).isEqualTo((int) LARGE_VOCABULARY);
        for (long index = 0; index < LARGE_VOCABULARY; index += 997) {
            assertThat(job.path("word_count").path(Vocabulary.word(index)).asInt())
                    .isEqualTo(1);
        }
        assertThat(job.path("distinct_words").asLong()).isEqualTo(LARGE_VOCABULARY);
        assertThat(words(job.path("top_words"))).hasSize(100).startsWith(Vocabulary.word(0), Vocabulary.word(1));

        // streamed from GridFS, so chunked rather than buffered for a Content-Length
        assertThat(api.getRaw("/word-count/" + jobId).headers().firstValue("Transfer-Encoding"))
                .hasValue("chunked");

        Answer top = api.send("GET", "/word-count/" + jobId + "?top=1000", null, null);
        assertThat(words(top.data().path("top_words"))).hasSize(1000).endsWith(Vocabulary.word(999));

        HttpResponse<String> csv = api.getRaw("/word-count/" + jobId + "/word-count.csv");
        String[] rows = csv.body().split("\r\n");
        assertThat(rows).hasSize((int) LARGE_VOCABULARY + 1);
        assertThat(rows[0]).isEqualTo("word,count");
        assertThat(rows[1]).isEqualTo(Vocabulary.word(0) + ",1");
        assertThat(GridFSBuckets.create(tallyMongo.getDatabase(TestStack.DATABASE), "word_counts")
                        .find(Filters.eq("_id", file))
                        .first())
                .isNotNull();
    }

    @Test
    void theCsvIsTheWholeCountInRankOrderAsAnAttachment() {
        String jobId = submit(documents.url("/storage/csv.txt"));
        awaitFinished(jobId, Duration.ofSeconds(20));

        HttpResponse<String> csv = api.getRaw("/word-count/" + jobId + "/word-count.csv");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"word-count-" + jobId + ".csv\"");
        assertThat(csv.body())
                .isEqualTo("word,count\r\nthe,2\r\n000,1\r\n1,1\r\nand,1\r\ncat,1\r\ndon't,1\r\nhat,1\r\nquoted,1\r\n"
                        + "stop,1\r\n");
    }

    @Test
    void theCsvOfAnUnknownJobIs404AndOfAnUnfinishedOrFailedJob409() {
        String failed = submit(documents.url("/missing"));
        awaitFinished(failed, Duration.ofSeconds(20));
        ObjectId open = new ObjectId();
        jobsCollection.insertOne(new Document("_id", open)
                .append("url", "http://example.com/")
                .append("status", "IN_PROGRESS")
                .append("created_at", new java.util.Date())
                .append("updated_at", new java.util.Date()));

        assertThat(api.getRaw("/word-count/" + new ObjectId() + "/word-count.csv")
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.getRaw("/word-count/nope/word-count.csv").statusCode()).isEqualTo(404);
        HttpResponse<String> unfinished = api.getRaw("/word-count/" + open + "/word-count.csv");
        assertThat(unfinished.statusCode()).isEqualTo(409);
        assertThat(unfinished.body()).contains("IN_PROGRESS");
        assertThat(api.getRaw("/word-count/" + failed + "/word-count.csv").statusCode())
                .isEqualTo(409);
        assertThat(api.send("POST", "/word-count/" + failed + "/word-count.csv", "application/json", "{}")
                        .status())
                .isEqualTo(405);
    }

    private static List<String> words(JsonNode top) {
        List<String> words = new ArrayList<>();
        top.forEach(row -> words.add(row.path("word").asText()));
        return words;
    }
}
