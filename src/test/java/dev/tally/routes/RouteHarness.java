package dev.tally.routes;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.deadletter.FailureClock;
import dev.tally.job.JobDocuments;
import dev.tally.job.JobFailures;
import dev.tally.job.JobMessages;
import dev.tally.monitor.JobMetrics;
import dev.tally.monitor.JobOutcomes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.mongodb.MongoDbConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * The real route files in a plain Camel context, without Spring, RabbitMQ or MongoDB: the consumers become
 * {@code direct:} endpoints, MongoDB and RabbitMQ mock endpoints whose answers each test scripts. The cheap beans are
 * the real ones; jobOutcomes counts into a meter registry the tests read. One context serves every route test
 * (started once: starting it is most of a test's time), reset before each test.
 */
final class RouteHarness {

    static final String JOB_ID = "6b0a3fb4e08e95152fdf5444";

    static final String JOB_MESSAGE = "{\"job_id\": \"" + JOB_ID + "\"}";
    static final int MAX_ATTEMPTS = 3;
    private static final String[] ROUTE_FILES = {
        "errors.camel.yaml", "jobs.camel.yaml", "worker.camel.yaml", "dead-letter.camel.yaml", "sweeper.camel.yaml"
    };
    private static RouteHarness shared;

    final CamelContext context = new DefaultCamelContext();
    final FailingFetcher fetcher = new FailingFetcher();
    final ScriptedStaleJobs staleJobs = new ScriptedStaleJobs();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private Map<String, Double> countsBefore = Map.of();

    /** MongoDB's answer to findById; null is "no such job". */
    Document storedJob;
    /** What MongoDB answers an update: 1 while the job is IN_PROGRESS, 0 once it is finished. */
    long updateMatches;
    /** Thrown by findById instead of answering, when set. */
    RuntimeException findFailure;
    /** Thrown by update instead of answering, when set. */
    RuntimeException updateFailure;

    static synchronized RouteHarness routes() throws Exception {
        if (shared == null) {
            shared = new RouteHarness();
        }
        shared.reset();
        return shared;
    }

    private RouteHarness() throws Exception {
        context.getPropertiesComponent().setInitialProperties(settings());
        bind("jobMessages", new JobMessages(new ObjectMapper()));
        bind("jobDocuments", new JobDocuments());
        bind("jobFailures", new JobFailures());
        bind("failureClock", new FailureClock());
        bind("jobOutcomes", new JobOutcomes(new JobMetrics(meters)));
        bind("documentFetcher", fetcher);
        bind("staleJobs", staleJobs);
        for (String bean :
                new String[] {"textExtractor", "wordCounter", "jobResults", "expiredJobs", "jobBatchPublisher"}) {
            bind(bean, new NotReached());
        }
        for (String file : ROUTE_FILES) {
            PluginHelper.getRoutesLoader(context)
                    .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:routes/" + file));
        }
        fromDirect("worker-count-words");
        fromDirect("sweep-stale-jobs");
        // regular expressions: the route files name the jobs endpoint by its placeholder, unresolved when advised
        replaceTo("worker-read-job", ".*operation=findById", "mock:mongodb-find");
        replaceTo("worker-count-words", ".*operation=update", "mock:mongodb-update");
        replaceTo("fail-job", ".*operation=update", "mock:mongodb-update");
        replaceTo("commit-submissions", ".*operation=insert", "mock:mongodb-insert");
        replaceTo("publish-job-message", "spring-rabbitmq:.*", "mock:rabbitmq");
        context.start();
    }

    /** The values the routes read, redelivery delays tiny so that the retries take milliseconds. */
    private static Properties settings() {
        Properties settings = new Properties();
        settings.put("tally.queue", "tally.jobs");
        settings.put("tally.dead-letter-queue", "tally.jobs.dlq");
        settings.put("tally.api.confirm-timeout-ms", "3000");
        settings.put(
                "tally.mongodb.jobs-endpoint",
                "mongodb:tallyMongo?database=tally&collection=jobs&writeConcern=majority");
        settings.put("tally.worker.enabled", "true");
        settings.put("tally.worker.concurrency", "1");
        settings.put("tally.worker.prefetch", "1");
        settings.put("tally.redelivery.max-attempts", String.valueOf(MAX_ATTEMPTS));
        settings.put("tally.redelivery.initial-delay-ms", "1");
        settings.put("tally.redelivery.multiplier", "2");
        settings.put("tally.redelivery.max-delay-ms", "4");
        settings.put("tally.sweeper.enabled", "true");
        settings.put("tally.sweeper.interval-ms", "60000");
        settings.put("tally.retention.enabled", "false");
        settings.put("tally.retention.interval-ms", "3600000");
        settings.put("tally.retention.keep-days", "7");
        return settings;
    }

    private void reset() {
        // a reset mock forgets its answers too
        MockEndpoint.resetMocks(context);
        mongoFind().whenAnyExchangeReceived(this::answerFind);
        mongoUpdate().whenAnyExchangeReceived(this::answerUpdate);
        storedJob = new Document("_id", new ObjectId(JOB_ID))
                .append("url", "http://documents.test/a.txt")
                .append("status", "IN_PROGRESS");
        updateMatches = 1;
        findFailure = null;
        updateFailure = null;
        fetcher.failWith(new IllegalStateException("no fetch expected"));
        staleJobs.overdue = List.of();
        staleJobs.claimed = List.of();
        countsBefore = counts();
    }

    private void bind(String name, Object bean) {
        context.getRegistry().bind(name, bean);
    }

    private void fromDirect(String routeId) throws Exception {
        AdviceWith.adviceWith(context, routeId, false, route -> route.replaceFromWith("direct:" + routeId));
    }

    private void replaceTo(String routeId, String uriPattern, String mock) throws Exception {
        AdviceWith.adviceWith(
                context,
                routeId,
                false,
                route -> route.weaveByToUri(uriPattern).replace().to(mock));
    }

    private void answerFind(Exchange exchange) {
        if (findFailure != null) {
            throw findFailure;
        }
        exchange.getMessage().setBody(storedJob);
    }

    private void answerUpdate(Exchange exchange) {
        if (updateFailure != null) {
            throw updateFailure;
        }
        exchange.getMessage().setHeader(MongoDbConstants.RECORDS_MATCHED, updateMatches);
    }

    MockEndpoint mongoFind() {
        return context.getEndpoint("mock:mongodb-find", MockEndpoint.class);
    }

    MockEndpoint mongoUpdate() {
        return context.getEndpoint("mock:mongodb-update", MockEndpoint.class);
    }

    MockEndpoint rabbitmq() {
        return context.getEndpoint("mock:rabbitmq", MockEndpoint.class);
    }

    /** Jobs FAILed and counted under the reason's tag since the test began. */
    double failedCount(String reasonTag) {
        return sinceTestBegan("failed " + reasonTag);
    }

    /** Jobs FAILed and counted under any reason since the test began. */
    double failedCountAnyReason() {
        return sinceTestBegan("failed");
    }

    double deadLetterCount() {
        return sinceTestBegan("dead letters");
    }

    private double sinceTestBegan(String key) {
        return counts().getOrDefault(key, 0.0) - countsBefore.getOrDefault(key, 0.0);
    }

    private Map<String, Double> counts() {
        Map<String, Double> counts = new HashMap<>();
        for (Counter failed : meters.find("tally.jobs.failed").counters()) {
            counts.put("failed " + failed.getId().getTag("reason"), failed.count());
            counts.merge("failed", failed.count(), Double::sum);
        }
        counts.put("dead letters", meters.get("tally.dead.letters").counter().count());
        return counts;
    }
}
