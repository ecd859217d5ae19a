package dev.tally.web;

import dev.tally.support.TestStack;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.springframework.test.context.TestPropertySource;

/** The fuzzed requests, against the API's own Vert.x server (tally.api.port) instead of Tomcat. */
// no MBeans: the shared context's (context=tally) are the ones JolokiaIT and JmxIT read
@DisableJmx
@TestPropertySource(properties = {"tally.api.port=0", "tally.test.queue-suffix=" + VertxApiContractIT.QUEUES})
class VertxApiFuzzIT extends ApiFuzzIT {

    static {
        TestStack.ownQueues(VertxApiContractIT.QUEUES);
    }
}
