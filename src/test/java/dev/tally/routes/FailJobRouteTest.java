package dev.tally.routes;

import static dev.tally.routes.RouteHarness.JOB_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.job.FailureReason;
import dev.tally.job.JobFailure;
import java.util.List;
import org.apache.camel.Exchange;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** fail-job: one conditional update, and the FAIL counted only when it changed the job. */
class FailJobRouteTest {

    private static final JobFailure NOT_FOUND = new JobFailure(FailureReason.HTTP_4XX, "not found (404)", "404", null);

    private RouteHarness harness;

    @BeforeEach
    void routes() throws Exception {
        harness = RouteHarness.routes();
    }

    @Test
    void failsTheJobOnlyWhileInProgressAndCountsIt() throws Exception {
        harness.mongoUpdate().expectedMessageCount(1);

        failJob();

        harness.mongoUpdate().assertIsSatisfied();
        @SuppressWarnings("unchecked")
        List<Document> update =
                harness.mongoUpdate().getExchanges().get(0).getMessage().getBody(List.class);
        assertThat(update.get(0))
                .isEqualTo(new Document("_id", new org.bson.types.ObjectId(JOB_ID)).append("status", "IN_PROGRESS"));
        assertThat(update.get(1).get("$set", Document.class))
                .containsEntry("status", "FAIL")
                .containsEntry("error", "not found (404)")
                .containsKey("updated_at");
        assertThat(harness.failedCount("http_4xx")).isEqualTo(1);
    }

    @Test
    void jobFinishedMeanwhileKeepsItsOutcomeAndIsNotCounted() throws Exception {
        harness.updateMatches = 0;
        harness.mongoUpdate().expectedMessageCount(1);

        failJob();

        harness.mongoUpdate().assertIsSatisfied();
        assertThat(harness.failedCountAnyReason()).isZero();
    }

    @Test
    void failureToWriteIsLeftToTheCaller() {
        harness.updateFailure = new com.mongodb.MongoException("write refused");

        Exchange done = failJob();

        assertThat(done.getException()).isInstanceOf(com.mongodb.MongoException.class);
        assertThat(harness.failedCountAnyReason()).isZero();
    }

    private Exchange failJob() {
        return harness.context.createProducerTemplate().send("direct:fail-job", exchange -> {
            exchange.setProperty("jobId", JOB_ID);
            exchange.setProperty("failure", NOT_FOUND);
        });
    }
}
