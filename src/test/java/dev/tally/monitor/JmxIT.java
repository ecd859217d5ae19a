package dev.tally.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.support.FullStackTest;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;

/** Camel's MBeans on the platform MBeanServer, named after the context {@code tally} and each route's explicit id. */
class JmxIT extends FullStackTest {

    private final MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();

    @Test
    void everyRouteHasAnMBeanUnderTheTallyContext() throws Exception {
        assertThat(camel.getName()).isEqualTo("tally");
        assertThat(camel.getManagementStrategy().getManagementAgent())
                .as("Camel management is on")
                .isNotNull();
        assertThat(jmx.isRegistered(new ObjectName("org.apache.camel:context=tally,type=context,name=\"tally\"")))
                .isTrue();
        assertThat(camel.getRoutes())
                .extracting(Route::getRouteId)
                .contains(
                        "api-post-word-count",
                        "api-get-word-count",
                        "worker-count-words",
                        "worker-fail-job",
                        "dead-letter");
        for (Route route : camel.getRoutes()) {
            assertThat(jmx.isRegistered(routeMBean(route.getRouteId())))
                    .as(route.getRouteId())
                    .isTrue();
        }
    }

    @Test
    void theWorkerRouteMBeanCountsCompletedExchanges() throws Exception {
        ObjectName worker = routeMBean("worker-count-words");
        long before = (Long) jmx.getAttribute(worker, "ExchangesCompleted");

        String jobId = submit(documents.url("/jmx.txt"));
        assertThat(awaitFinished(jobId, Duration.ofSeconds(20)).path("status").asText())
                .isEqualTo("COMPLETE");

        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> (Long) jmx.getAttribute(worker, "ExchangesCompleted") > before);
        assertThat(jmx.getAttribute(worker, "State")).isEqualTo("Started");
    }

    static ObjectName routeMBean(String routeId) throws Exception {
        return new ObjectName("org.apache.camel:context=tally,type=routes,name=\"" + routeId + "\"");
    }
}
