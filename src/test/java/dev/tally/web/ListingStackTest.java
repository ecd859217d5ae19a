package dev.tally.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import dev.tally.TallyApplication;
import dev.tally.support.ApiClient;
import dev.tally.support.ApiClient.Answer;
import dev.tally.support.TestStack;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The full stack (real RabbitMQ) on a database of its own holding only {@link ListingFixtures}' jobs: the listing
 * shows every job, and the shared test database holds other tests' jobs. Its subclasses share one context.
 */
@CamelSpringBootTest
@SpringBootTest(classes = TallyApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ListingStackTest {

    static final int JOBS = 25;
    private static final String DATABASE = TestStack.DATABASE + "_listing";

    @LocalServerPort
    int port;

    @Autowired
    MongoCollection<Document> jobsCollection;

    ApiClient api;
    ListingFixtures fixtures;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestStack.register(registry, ".listing");
        registry.add("tally.mongodb.database", () -> DATABASE);
        // neither may change or remove the stored jobs under the test
        registry.add("tally.sweeper.enabled", () -> false);
        registry.add("tally.retention.enabled", () -> false);
    }

    @BeforeEach
    void storedJobs() {
        api = new ApiClient(port);
        jobsCollection.deleteMany(new Document());
        fixtures = ListingFixtures.insert(jobsCollection, JOBS);
    }

    Answer list(String target) {
        return listed(api.send("GET", target, null, null));
    }

    static Answer listed(Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().path("success").asBoolean()).isTrue();
        assertThat(answer.message()).isEqualTo("Listed jobs");
        assertThat(answer.data().has("next")).isTrue();
        return answer;
    }

    static List<String> ids(Answer page) {
        List<String> ids = new ArrayList<>();
        page.data().path("jobs").forEach(job -> ids.add(job.path("job_id").asText()));
        return ids;
    }
}
