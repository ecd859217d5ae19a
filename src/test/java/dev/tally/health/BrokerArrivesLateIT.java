package dev.tally.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tally.TallyApplication;
import dev.tally.support.ApiClient;
import dev.tally.support.OperatorHttp;
import dev.tally.support.TcpProxy;
import dev.tally.support.TestStack;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A worker started while RabbitMQ is unreachable (its port closed) starts anyway, reports not ready, and consumes
 * once the broker arrives; when the broker goes away again readiness drops, and it recovers on its own.
 * The broker is the real one behind a proxy that only this context uses.
 */
@CamelSpringBootTest
@SpringBootTest(classes = TallyApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrokerArrivesLateIT {

    private static final TcpProxy BROKER = new TcpProxy(TestStack.RABBIT_HOST, TestStack.RABBIT_PORT);
    private static final String WORKER = "worker-count-words";

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camel;

    @DynamicPropertySource
    static void brokerNotThereYet(DynamicPropertyRegistry registry) {
        TestStack.register(registry, ".late");
        registry.add("spring.rabbitmq.port", BROKER::port);
    }

    @AfterAll
    static void closeProxy() {
        BROKER.close();
    }

    @Test
    void theWorkerStartsWithoutTheBrokerAndConsumesWhenItArrives() {
        OperatorHttp http = new OperatorHttp(port);
        ApiClient api = new ApiClient(port);
        assertThat(camel.getStatus().isStarted())
                .as("Camel started without the broker")
                .isTrue();
        assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(503);
        assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(api.submit(TestStack.documents().url("/too-early.txt")).status())
                .isEqualTo(503);

        BROKER.open();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> http.get("/actuator/health/readiness").statusCode() == 200);
        assertThat(camel.getRouteController().getRouteStatus(WORKER).isStarted())
                .isTrue();
        String jobId = api.submitOk(TestStack.documents().url("/broker-arrived.txt"));
        assertThat(api.awaitFinished(jobId, Duration.ofSeconds(30))
                        .path("status")
                        .asText())
                .isEqualTo("COMPLETE");

        BROKER.close();
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> http.get("/actuator/health/readiness").statusCode() == 503);
        assertThat(http.get("/health").statusCode()).isEqualTo(503);

        BROKER.open();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> http.get("/actuator/health/readiness").statusCode() == 200);
        String again = api.submitOk(TestStack.documents().url("/broker-back.txt"));
        assertThat(api.awaitFinished(again, Duration.ofSeconds(30))
                        .path("status")
                        .asText())
                .isEqualTo("COMPLETE");
    }
}
