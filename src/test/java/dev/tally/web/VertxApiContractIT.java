package dev.tally.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.support.OperatorHttp;
import dev.tally.support.TestStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The HTTP contract, against the API's own Vert.x server (tally.api.port) instead of Tomcat. */
// no MBeans: the shared context's (context=tally) are the ones JolokiaIT and JmxIT read
@DisableJmx
@TestPropertySource(properties = {"tally.api.port=0", "tally.test.queue-suffix=" + VertxApiContractIT.QUEUES})
class VertxApiContractIT extends ApiContractIT {

    /** The Vert.x tests' context, one for the three, has queues of its own (TestStack.ownQueues). */
    static final String QUEUES = "-vertx";

    static {
        TestStack.ownQueues(QUEUES);
    }

    @Test
    void theApisOwnServerIsNotTomcat() {
        assertThat(apiPort).isNotEqualTo(port);
        assertThat(new OperatorHttp(port).get("/health").statusCode())
                .as("Tomcat no longer serves the API")
                .isEqualTo(404);
    }

    @Test
    void tomcatAnswersTheApisPaths404WhateverTheMethodOrBody() throws IOException {
        String wrongMethod = "DELETE /word-count HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
        String notJson = "POST /word-count HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
                + "Content-Length: 2\r\nConnection: close\r\n\r\nhi";
        for (String request : new String[] {wrongMethod, notJson}) {
            assertThat(RawHttp.exchange(port, request.getBytes(StandardCharsets.US_ASCII), Duration.ofSeconds(10))
                            .status())
                    .as(
                            "%s on Tomcat, which serves no API path here",
                            request.lines().findFirst().orElseThrow())
                    .isEqualTo(404);
        }
    }

    @Test
    void theOperatorRoutesStayOnTomcatBehindItsLogin() {
        OperatorHttp tomcat = new OperatorHttp(port);
        assertThat(tomcat.get("/admin/dead-letters", "Authorization", OperatorHttp.admin())
                        .statusCode())
                .isEqualTo(200);
        assertThat(tomcat.get("/admin/overview", "Authorization", OperatorHttp.admin())
                        .statusCode())
                .isEqualTo(200);
        assertThat(tomcat.get("/admin/dead-letters").statusCode()).isEqualTo(401);
        assertThat(new OperatorHttp(apiPort)
                        .get("/admin/dead-letters", "Authorization", OperatorHttp.admin())
                        .statusCode())
                .as("not on the API's server")
                .isEqualTo(404);
    }

    @Test
    void itsRequestsAreInHttpServerRequestsAsSpringMvcWouldCountThem() {
        String series = "http_server_requests_seconds_count{error=\"none\",exception=\"none\",method=\"GET\","
                + "outcome=\"CLIENT_ERROR\",status=\"404\",uri=\"/word-count/{jobId}\"}";
        double before = count(series);
        api.job("nope");
        api.job("still-nope");
        assertThat(count(series) - before).isEqualTo(2);
    }

    private double count(String series) {
        String scrape = new OperatorHttp(port)
                .get("/actuator/prometheus", "Authorization", OperatorHttp.admin())
                .body();
        return scrape.lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1)))
                .findFirst()
                .orElse(0);
    }
}
