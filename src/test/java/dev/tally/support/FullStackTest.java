package dev.tally.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.TallyApplication;
import dev.tally.web.ApiHttpServer;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tally in one JVM with web and worker roles, against the real RabbitMQ and a MongoDB wire server over TCP.
 * Every subclass shares one application context. Unlike the test kit's defaults, Camel's JMX MBeans and the
 * Prometheus registry are on, as in production: the monitoring tests read them.
 */
@CamelSpringBootTest
@DisableJmx(false)
@AutoConfigureObservability
@SpringBootTest(classes = TallyApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class FullStackTest {

    /** Tomcat's port: the operator surface, and the API unless the API has a server of its own. */
    @LocalServerPort
    protected int port;

    /** The API's port: Tomcat's, or that of the API's Vert.x server when tally.api.port is set. */
    protected int apiPort;

    @Autowired
    private ObjectProvider<ApiHttpServer> apiServer;

    @Autowired
    protected CamelContext camel;

    protected ApiClient api;
    protected DocumentServer documents;

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        TestStack.register(registry);
    }

    @BeforeEach
    void client() {
        ApiHttpServer vertx = apiServer.getIfAvailable();
        apiPort = vertx == null ? port : vertx.port();
        api = new ApiClient(apiPort);
        documents = TestStack.documents();
    }

    protected String submit(String url) {
        return api.submitOk(url);
    }

    protected JsonNode awaitFinished(String jobId, Duration within) {
        return api.awaitFinished(jobId, within);
    }
}
