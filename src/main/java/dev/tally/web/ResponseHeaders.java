package dev.tally.web;

import java.io.InputStream;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * Before an answer is written, drops every header a route or the request left on the message but the status and
 * Location. removeHeaders with an exclude pattern did the same, but compiled that pattern as a regular expression
 * for every header of every answer (bench/limits.md).
 */
@Component("responseHeaders")
public class ResponseHeaders {

    static final String LOCATION = "Location";

    private final ResponseBodies bodies;

    public ResponseHeaders(ResponseBodies bodies) {
        this.bodies = bodies;
    }

    public void keepStatusAndLocation(Message message) {
        Object status = message.getHeader(Exchange.HTTP_RESPONSE_CODE);
        Object location = message.getHeader(LOCATION);
        message.getHeaders().clear();
        if (status != null) {
            message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        }
        if (location != null) {
            message.setHeader(LOCATION, location);
        }
    }

    /**
     * Chunked only when the body is a stream: Camel's default chunks every answer, and Tomcat then writes the end
     * chunk in a second write after the answer's. Bytes go out with their Content-Length in one, in the form their
     * server writes that way ({@link ResponseBodies}).
     */
    public void chunkOnlyStreams(Message message) {
        Object body = message.getBody();
        message.setHeader(Exchange.HTTP_CHUNKED, body instanceof InputStream);
        if (body instanceof byte[] bytes) {
            message.setBody(bodies.of(bytes));
        }
    }
}
